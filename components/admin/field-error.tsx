/** A field's messages from the server, next to the field, and the attributes that tie them to it. */
export function FieldError({ errors, name }: { errors: Record<string, string[]>; name: string }) {
  const messages = errors[name];
  return messages?.length ? (
    <span className="field-error" id={`${name}-error`}>
      {messages.join("；")}
    </span>
  ) : null;
}

export const invalid = (errors: Record<string, string[]>, name: string) => ({
  "aria-invalid": !!errors[name]?.length,
  "aria-describedby": errors[name]?.length ? `${name}-error` : undefined,
});
