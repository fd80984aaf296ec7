import { type RefObject, useEffect, useRef } from "react";

/**
 * A `<dialog>` shown modally while `open` is true and closed when it turns
 * false (jsdom has no showModal, hence the optional calls). Returns its ref.
 */
export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close?.();
  }, [open]);
  return dialog;
}
