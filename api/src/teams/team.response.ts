import type { TeamDto } from '@bravo/shared';

export class TeamResponse implements TeamDto {
  id: string;
  name: string;
  memberCount: number;
}
