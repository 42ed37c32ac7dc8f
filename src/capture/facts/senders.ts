/**
 * Who wrote each message of a pasted conversation: the sender of a chat line ("[08:12] Nino K.:",
 * "27/3/25, 07:02 - Coordinación:", "[14/1/25, 07:52:10] Yelitza:") and the From/To/Cc lines of
 * an email thread's headers. A sender is the source of what follows, not a person the text names
 * (the annotation rules of every round since the second: `../eval3/README.md` "Chat and channel
 * metadata", `../eval6/README.md` "Email threads"), so no person, place or organization is
 * suggested from these spans; the same name written inside a message still is. Pure.
 */

export interface Span {
  start: number;
  end: number;
}

/** "[08:12] Nino K.: …", "[9:40] Rosy H.: …": a clock time in brackets, then the sender. */
const CLOCK_SENDER =
  /^[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?\s?m\.?)?\][ \t]+([^:\n[\]]{1,40}?):/dgimu;
/** WhatsApp exports: "27/3/25, 07:02 - Coordinación: …", "[14/1/25, 07:52:10] Yelitza: …". */
const DATED_SENDER =
  /^[ \t]*\[?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?\s?m\.?)?\]?[ \t]*(?:-[ \t]*)?([^:\n[\]]{1,40}?):/dgimu;
/** Header lines naming people in an email: only in a text that has an email's headers (below). */
const ADDRESS_HEADER = /^[ \t]*(?:From|To|Cc|Bcc|Reply-To|De|Para|CC|CCO)[ \t]*:[ \t]*([^\n]+)$/dgmu;
const SENDER_HEADER = /^[ \t]*(?:From|De)[ \t]*:/mu;
const OTHER_HEADER = /^[ \t]*(?:Subject|Sent|Date|Asunto|Enviado|Fecha)[ \t]*:/mu;

/** The spans of a text that name a message's sender or an email's addressees. */
export function senderSpans(text: string): Span[] {
  const out: Span[] = [];
  const take = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const start = m.indices![1]![0];
      out.push({ start, end: start + m[1]!.trimEnd().length });
    }
  };
  take(CLOCK_SENDER);
  take(DATED_SENDER);
  if (SENDER_HEADER.test(text) && OTHER_HEADER.test(text)) take(ADDRESS_HEADER);
  return out.sort((a, b) => a.start - b.start);
}
