/**
 * The first screens of persons, events, units and places lived at /c/:caseId/persons[/:id] and so
 * on; the record screens replaced them. Old links (bookmarks, reports, other views) land on the
 * new list or detail, with their query kept.
 */
import { Navigate, useLocation, useParams } from 'react-router-dom';

export function MovedTo({ kind }: { kind: 'persons' | 'events' | 'units' | 'places' }) {
  const { caseId = '', id } = useParams();
  const { search, hash } = useLocation();
  const path = `/c/${caseId}/r/${kind}${id ? `/${encodeURIComponent(id)}` : ''}`;
  return <Navigate replace to={`${path}${search}${hash}`} />;
}
