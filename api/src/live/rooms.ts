/** Room names, one place. */
export const rooms = {
  org: (id: string) => `org:${id}`,
  team: (id: string) => `team:${id}`,
  member: (id: string) => `member:${id}`,
  display: (id: string) => `display:${id}`,
  /** A member's sockets of one login. */
  session: (id: string) => `session:${id}`,
};
