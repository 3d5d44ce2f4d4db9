// GOV.UK form inputs as controlled React components: label, hint and error message wired with
// aria-describedby; `govuk-form-group--error` when `error` is set. The element id is the field name made
// id-safe (see fieldId), so an ErrorSummary entry `{ field: name }` links to it.
//
// One module per kind of field: Inputs (text input, textarea, select), Choices (radios, checkboxes), DateInput
// and Button; fieldParts holds what they share (label, hint, error message, fieldset).
export {
  TextInput,
  Textarea,
  Select,
  type TextInputProps,
  type TextareaProps,
  type SelectProps,
  type Option,
} from './Inputs';
export { Radios, Checkboxes, type RadiosProps, type CheckboxesProps } from './Choices';
export { DateInput, isoToDateParts, datePartsToIso, emptyDate, type DateParts, type DateInputProps } from './DateInput';
export { Button, ButtonGroup, type ButtonProps } from './Button';
export type { InputWidth } from './fieldParts';
