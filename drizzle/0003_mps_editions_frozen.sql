-- A published Market Position Statement edition is frozen: its figures and text never change and it is never
-- deleted. Only the link to the publishing user may be cleared (when that account is removed).
CREATE OR REPLACE FUNCTION mps_editions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Published Market Position Statement editions cannot be deleted (edition %)', OLD.number
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.number IS DISTINCT FROM OLD.number OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.published_on IS DISTINCT FROM OLD.published_on OR NEW.published_at IS DISTINCT FROM OLD.published_at
     OR NEW.as_at IS DISTINCT FROM OLD.as_at OR NEW.statement IS DISTINCT FROM OLD.statement
     OR NEW.published_by_label IS DISTINCT FROM OLD.published_by_label THEN
    RAISE EXCEPTION 'Published Market Position Statement editions cannot be changed (edition %)', OLD.number
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER mps_editions_frozen BEFORE UPDATE OR DELETE ON mps_editions
  FOR EACH ROW EXECUTE FUNCTION mps_editions_frozen();
