/** Where the other side of an id clash is, said from the document a finding is in (the id rules of src/rootGroup runs). */
import type { PartSource } from '../../core/rule';

export function whereIs(kind: 'app' | 'pod' | 'group', other: PartSource | undefined, mine: PartSource | undefined): string {
  const a = kind === 'app' ? 'an' : 'a';
  if (other === 'cluster') return `${a} ${kind} deployed on the cluster`;
  if (other === undefined || mine === undefined || mine === 'cluster' || other.document === mine.document) return `${a} ${kind} in this document`;
  const file = other.name ?? 'another of the files linted with this one';
  return kind === 'group' && other.implied ? `the group that the ids in ${file} lie in` : `the ${kind} in ${file}`;
}
