/**
 * Credentials never leave a process in what it shows or logs: the password of a URL's userinfo
 * (`redis://:secret@host`, `redis://user:secret@host`) becomes `***`.
 */
const USERINFO_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;

/** `text` with every URL password replaced by `***`. */
export function redactCredentials(text: string): string {
  return text.replace(USERINFO_PASSWORD, '$1***@');
}
