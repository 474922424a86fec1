import type { ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
};

/** A labelled control with its hint and error announced to screen readers. */
export function Field({ name, label, errors, hint, children }: FieldProps) {
  const id = `f-${name}`;
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, name, "aria-invalid": Boolean(errors?.length), "aria-describedby": described || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}
