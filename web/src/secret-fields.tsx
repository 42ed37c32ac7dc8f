/**
 * The fields that prove who is at the keyboard, written once: a password (current or new) and a
 * second-step code (six digits from the app, or a recovery code). Sign-in, re-authentication,
 * settings and administration use these, so names, autocomplete hints and input modes agree.
 */
import { useTranslation } from 'react-i18next';
import { Field } from './ui';

export function PasswordField({
  label,
  name,
  value,
  onChange,
  isNew = false,
  hint,
  required = true,
  autoFocus = false,
}: {
  label: string;
  name: string;
  value: string;
  onChange(v: string): void;
  /** A password being chosen: the browser may suggest one, and 12 characters is the floor. */
  isNew?: boolean;
  hint?: string;
  required?: boolean;
  /** Only where the field is the reason the screen exists (the re-authentication dialog). */
  autoFocus?: boolean;
}) {
  return (
    <Field label={label} hint={hint}>
      <input
        name={name}
        type="password"
        autoComplete={isNew ? 'new-password' : 'current-password'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        minLength={isNew ? 12 : undefined}
        maxLength={2048}
        // biome-ignore lint/a11y/noAutofocus: opt-in, for a dialog that asks for this one field
        autoFocus={autoFocus}
      />
    </Field>
  );
}

export function CodeField({
  label,
  name = 'totp',
  value,
  onChange,
  hint,
  required = false,
}: {
  label?: string;
  name?: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label ?? t('signin.totp')} hint={hint}>
      <input
        name={name}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        required={required}
        maxLength={32}
      />
    </Field>
  );
}

/** What the server takes as the second step: six to eight digits are a code, anything else a recovery code. */
export function secondStep(code: string): { totp?: string; recoveryCode?: string } {
  const c = code.trim();
  if (!c) return {};
  return /^\d{6,8}$/.test(c) ? { totp: c } : { recoveryCode: c };
}
