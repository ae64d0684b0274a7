import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Member } from './member.entity';
import { Team } from '../teams/team.entity';

/** Which teams a manager manages (a manager may run several stores). */
@Entity('team_managers')
export class TeamManager {
  @PrimaryColumn('uuid')
  memberId: string;

  @PrimaryColumn('uuid')
  teamId: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  member?: Member;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  team?: Team;
}
