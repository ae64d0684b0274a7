import type { NameStyle } from '@bravo/shared';

/** What puts a screen in its room: screens alike in these receive the same pushes. */
export interface ScreenRoomKey {
  organizationId: string;
  teamId: string | null;
  publicSafe: boolean;
  topN: number;
  nameStyle: NameStyle;
}

/** Room names, one place. */
export const rooms = {
  /** Members of the organisation (screens have rooms of their own: `screens`). */
  org: (id: string) => `org:${id}`,
  member: (id: string) => `member:${id}`,
  display: (id: string) => `display:${id}`,
  /** A member's sockets of one login. */
  session: (id: string) => `session:${id}`,
  /**
   * Screens of one scope (a team, or the organisation) that may receive the same: a
   * public-safe screen's cut depends on its top N, another's on its name style.
   */
  screens: (k: ScreenRoomKey) => {
    const scope = k.teamId ? `team:${k.teamId}` : `org:${k.organizationId}`;
    return k.publicSafe ? `screens:${scope}:safe:${k.topN}` : `screens:${scope}:${k.nameStyle}`;
  },
};
