import { Module } from '@nestjs/common';
import { MeetingsResolver, WorkspaceMeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

@Module({ providers: [MeetingsService, MeetingsResolver, WorkspaceMeetingsResolver], exports: [MeetingsService] })
export class MeetingsModule {}
