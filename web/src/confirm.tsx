/**
 * A change with consequences (a promotion, a clearance, a disabled account) is confirmed in a dialog
 * that says what will happen; nothing changes until the person confirms.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface Pending {
  message: ReactNode;
  run(): Promise<unknown> | undefined;
}

export function ConfirmDialog({ pending, onClose }: { pending?: Pending; onClose(): void }) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus lands on Cancel: a stray Enter does not confirm.
    if (pending) cancel.current?.focus();
  }, [pending]);
  if (!pending) return null;
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="confirm-title">{t('account.confirmTitle')}</h2>
        <div id="confirm-message">{pending.message}</div>
        <div className="wizard-nav">
          <button
            type="button"
            className="primary"
            onClick={() => {
              onClose();
              void pending.run();
            }}
          >
            {t('account.confirm')}
          </button>
          <button type="button" ref={cancel} onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
