import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ServerFormOptions, useServerForm } from "../lib/useServerForm";

/**
 * A form that saves through one command: Rust's field errors land beside the inputs (see
 * `useServerForm`), `onSaved` runs after a save (refresh, say so, close). `submit` goes on the
 * `<form>`, `pending` on the save button.
 */
export function useSaveForm<T extends Record<string, unknown>, R>(
  initial: T,
  options: ServerFormOptions<T>,
  save: (values: T) => Promise<R>,
  onSaved: (saved: R) => void,
) {
  const { form, showError } = useServerForm<T>(initial, options);
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved, onError: showError });
  return {
    form,
    submit: form.onSubmit((v) => mutation.mutate(v)),
    pending: mutation.isPending,
  };
}

/** What most forms do after a save: re-read the area's lists, say so in green, close. */
export function useAfterSave(queryKey: readonly unknown[], message: string, onClose: () => void) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey });
    notifications.show({ color: "green", message });
    onClose();
  };
}
