/** An app name the conversation was given by default (`app-3f9a2c`): the first change asks for a real one. */
const UNNAMED = /^app-[0-9a-f]{6}$/;

/** The app name (the middle of the stack name) from a title: its first three words, kebab-case. */
function slugName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .split('-')
    .filter(Boolean)
    .slice(0, 3)
    .join('-')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'app';
}

/**
 * The app name a new conversation starts with: from its title, or, when the title gives none, `app-` and the
 * first six hex digits of its id, so two of a team's untitled conversations never share a stack.
 */
export function appName(title: string | null | undefined, conversationId: string): string {
  const slug = title ? slugName(title) : 'app';
  return slug !== 'app' ? slug : `app-${conversationId.slice(0, 6)}`;
}

/** Whether an app name is one `appName` made up for an untitled conversation. */
export function isUnnamed(name: string): boolean {
  return UNNAMED.test(name);
}
