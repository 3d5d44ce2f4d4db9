import { z } from 'zod';
import { ROLES } from '../../domain/core/auth.js';

export const roleSchema = z.enum(ROLES);

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  providerId: z.string().uuid().nullable(),
  providerName: z.string().nullable(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  disabled: z.boolean(),
});
