import { z } from "zod";
import { checkNewPassword, PASSWORD_MAX } from "../auth/password-policy";

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(30, "Use at most 30 characters.")
  .regex(/^[A-Za-z0-9_.-]+$/, "Use letters, digits, dots, dashes and underscores only.");

/** Length and the common-password list; "not your username" is checked where both are known. */
const newPassword = z.string().superRefine((password, ctx) => {
  const problem = checkNewPassword(password, "");
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const signUpSchema = z.object({
  username: usernameSchema,
  email: z.string().trim().toLowerCase().max(254, "That email address is too long.").pipe(z.email("Enter a valid email address.")),
  password: newPassword,
});

export const logInSchema = z.object({
  identifier: z.string().trim().min(1, "Enter your username or email.").max(254),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const changePasswordSchema = z.object({
  current: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  password: newPassword,
});

export const emailSchema = z.string().trim().toLowerCase().max(254, "That email address is too long.").pipe(z.email("Enter a valid email address."));

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().max(100),
  password: newPassword,
});

export const changeEmailSchema = z.object({
  email: emailSchema,
  current: z.string().max(PASSWORD_MAX).optional(),
});

export const displayNameSchema = z.object({
  displayName: z.string().trim().max(50, "Use at most 50 characters.").regex(/^[^\p{Cc}\p{Cf}]*$/u, "Use letters, digits, spaces and punctuation only."),
});

const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("1"), z.literal("true")]).optional().transform((v) => v !== undefined && v !== false);

export const mailChoicesSchema = z.object({ mailOnReply: checkbox, mailOnMention: checkbox, mailDigest: checkbox });
