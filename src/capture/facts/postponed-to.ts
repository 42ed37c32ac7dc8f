/**
 * A day a hearing or visit was put off to lies ahead of the moment it was put off: "has postponed again, this time
 * to 3 April", "the Court of Appeals moved the hearing from 4 December to 15 January", "aplazó otra vez la audiencia,
 * ahora al 14 de noviembre". Read without a year against the text's (or the update's) date, such days were read a
 * year back when they lay two to five months ahead (stop 45, development rounds: 17 days after such a verb, 14
 * read ahead already, 3 read back in e-mails, a list and a petition's update of rounds 18, 25 and 65, both
 * languages). The verb within 60 characters of the day, no sentence's end between, "to"/"al"/"hasta el"/"para el"
 * right before the day.
 */
const PUT_OFF_TO =
  /(?<![\p{L}])(?:postponed|adjourned|deferred|rescheduled|moved|pushed\s+back|put\s+off|aplaz\p{L}*|pospus\p{L}*|posterg\p{L}*|reprogram\p{L}*|difiri\p{L}*)(?![\p{L}])[^.;!?\n]{0,60}?(?<![\p{L}])(?:to|until|al|hasta\s+el|para\s+el)\s+(?:the\s+|el\s+)?$/iu;

/** Whether the date starting at `at` is the day something was put off to. */
export function postponedTo(text: string, at: number): boolean {
  return PUT_OFF_TO.test(text.slice(Math.max(0, at - 120), at));
}
