/** Mesos role-name rules (`roles::validate`, mirrored by Marathon's ResourceRole.scala); undefined when valid. */
export function roleNameProblem(role: string): string | undefined {
  if (role === '') return 'A role name must not be "".';
  if (role === '.') return 'A role name must not be ".".';
  if (role === '..') return 'A role name must not be "..".';
  if (role.startsWith('-')) return 'A role name must not start with "-".';
  if (/\s/.test(role)) return 'A role name must not include a whitespace character.';
  if (role.includes('/')) return 'A role name must not include a slash (\\x2f) character.';
  if (role.includes('\x7f')) return 'A role name must not include a DEL (\\x7f) character.';
  return undefined;
}
