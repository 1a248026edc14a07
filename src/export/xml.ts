// XML text hygiene shared by the XML writers (GEXF, GraphML): characters XML 1.0 forbids, and
// escaping for element text and attribute values.

/**
 * Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other than tab, line feed
 * and carriage return, U+FFFE, U+FFFF, and unpaired UTF-16 surrogates. Document text can carry
 * them (a NUL from a broken PDF extraction, a backspace from a terminal copy).
 */
const XML_INVALID_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML 1.0 forbids is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove the characters XML 1.0 forbids (see `XML_INVALID_CHARACTERS`); everything else is kept. */
export function stripInvalidXmlCharacters(text: string): string {
  return mayHoldInvalidXml(text) ? text.replace(XML_INVALID_CHARACTERS, "") : text;
}

/**
 * Whether `text` has a code unit that `XML_INVALID_CHARACTERS` could match: a C0 control, a
 * surrogate, U+FFFE or U+FFFF. Most texts have none and are returned without running the regex
 * (a test of one character class is four times faster than a loop over the code units).
 */
function mayHoldInvalidXml(text: string): boolean {
  return MAY_BE_INVALID.test(text);
}

/** Any code unit `XML_INVALID_CHARACTERS` could match, surrogates paired or not. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 forbids are the point.
const MAY_BE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Escape text for an XML element's content. `\r` becomes a character reference because a parser
 * would otherwise normalise it to `\n`. Forbidden characters are removed.
 */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlCharacters(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

/**
 * Escape text for a double-quoted XML attribute value. Tab, line feed and carriage return become
 * character references because a parser would otherwise normalise them to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return stripInvalidXmlCharacters(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
