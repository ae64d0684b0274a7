import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module';
import { KudosMail } from './kudos-mail';
import { MailService } from './mail.service';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox-worker';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage]), MembersModule],
  providers: [MailService, OutboxRepository, OutboxWorker, KudosMail],
  exports: [MailService],
})
export class MailModule {}
