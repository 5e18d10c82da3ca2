/**
 * Characters no one types into a form, which change what a name, note or comment shows or how it
 * is stored: control characters other than tab and line breaks (NUL among them), and the marks
 * that override or isolate the direction of text (which can make "Ward A" read as another name).
 */
const isHidden = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
  code === 0x7f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069)

export const hasHiddenCharacters = (text: string) =>
  [...text].some((ch) => isHidden(ch.codePointAt(0) ?? 0))

export const hiddenCharactersMessage =
  'Remove the hidden characters from this field (control characters or marks that change the direction of text)'
