import type { Actor } from '../../../appTypes';

/**
 * Which import runs (and so which error files, with their rows' original cells) an actor may see, as a `where`:
 * always only the actor's corp; an admin every run of it; HR only the runs it imported itself. A colleague's run can
 * hold rows about people outside one's scope, so it answers 404 like any record one may not see.
 */
export function importRunsVisibleTo(actor: Actor): { corpId: string; createdBy?: string } {
  return actor.roles.includes('admin') ? { corpId: actor.corpId } : { corpId: actor.corpId, createdBy: actor.userid };
}
