/**
 * With JavaScript on, react-hook-form validates with the SAME zod schema as the action. The
 * resolver reads the form as FormData, exactly what the server will parse, so client and
 * server can never disagree about what a field holds. Without JavaScript nothing here runs
 * and the plain form posts to the action.
 */
import { useEffect, useRef } from "react";
import { useSubmit } from "@remix-run/react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { errorsFromZod, formValues, type FieldErrors } from "~/modules/forms/validation";

export function useValidatedForm(schema: z.ZodType, serverErrors: FieldErrors | undefined) {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit();

  const resolver: Resolver<FieldValues> = async () => {
    if (!formRef.current) return { values: {}, errors: {} };
    const parsed = schema.safeParse(formValues(new FormData(formRef.current)));
    if (parsed.success) return { values: parsed.data as FieldValues, errors: {} };
    const errors = Object.fromEntries(
      Object.entries(errorsFromZod(parsed.error)).map(([name, message]) => [name, { type: "validation", message }]),
    );
    return { values: {}, errors };
  };

  const form = useForm({ resolver, mode: "onTouched", shouldFocusError: false });

  // Fields count as edited only after the latest server answer.
  useEffect(() => {
    if (serverErrors) form.reset(undefined, { keepValues: true });
  }, [serverErrors]); // eslint-disable-line react-hooks/exhaustive-deps

  const clientErrors: FieldErrors = {};
  for (const [name, error] of Object.entries(form.formState.errors)) {
    if (error && typeof error.message === "string") clientErrors[name] = error.message;
  }
  // A server error stays until the person edits that field.
  const dirty = form.formState.dirtyFields as Record<string, unknown>;
  const errors: FieldErrors = {};
  for (const [name, message] of Object.entries(serverErrors ?? {})) if (!dirty[name]) errors[name] = message;
  Object.assign(errors, clientErrors);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const target = event.currentTarget;
    void form.handleSubmit(() => submit(submitter ?? target, { method: "post" }))(event);
  };

  return { formRef, register: form.register, errors, onSubmit, submitCount: form.formState.submitCount };
}
