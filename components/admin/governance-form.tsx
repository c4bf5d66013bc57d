"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

export type FieldErrors = Record<string, string[] | undefined>;

interface RunOptions<T> {
  /** Shown in the status line after success (a live region: screen readers hear it). */
  success?: string | ((data: T) => string);
  onSuccess?: (data: T) => void;
}

/**
 * Calls a server action the way every governance form does: pending state, the
 * action's message on failure, field errors (from zod, or from a conflict the server
 * found, e.g. a slug in use), and a refresh of the server-rendered page on success.
 */
export function useGovernanceAction<I, T>(act: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const run = useCallback(
    async (input: I, options: RunOptions<T> = {}): Promise<ActionResult<T>> => {
      setPending(true);
      setError("");
      setMessage("");
      setFieldErrors({});
      let result: ActionResult<T>;
      try {
        result = await act(input);
      } catch {
        // The request itself failed (network, body too large): the action never answered.
        result = { ok: false, code: "failed", error: "提交失败，请检查网络后重试。" };
      }
      setPending(false);
      if (result.ok) {
        const text = typeof options.success === "function" ? options.success(result.data) : options.success;
        if (text) setMessage(text);
        options.onSuccess?.(result.data);
        startRefresh(() => router.refresh());
      } else {
        const fromDetails = result.details?.fieldErrors as FieldErrors | undefined;
        setFieldErrors(result.fieldErrors ?? fromDetails ?? {});
        setError(result.error);
      }
      return result;
    },
    [act, router],
  );

  const clear = useCallback(() => {
    setError("");
    setMessage("");
    setFieldErrors({});
  }, []);

  return { run, pending, refreshing, error, message, fieldErrors, clear };
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  className?: string;
  children: (control: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => React.ReactNode;
}

/** A labelled control with its hint and errors wired to it for screen readers. */
export function GovField({ id, label, hint, errors, required, className, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="gov-required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      {children({ id, "aria-describedby": describedBy || undefined, "aria-invalid": errors?.length ? true : undefined })}
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {errors?.length ? (
        <span className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

/** The form-level outcome: an error (named, so tests and screen readers tell it from Next's route announcer) or a success line. */
export function GovFormStatus({ error, message, testId = "gov" }: { error: string; message: string; testId?: string }) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert" aria-label="错误提示" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      <p className={message ? "gov-success" : "visually-hidden"} role="status" data-testid={`${testId}-status`}>
        {message}
      </p>
    </>
  );
}
