import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { row, Scope } from '../../common/rule.decorator';
import { BriefingPack } from './briefings.types';
import { BriefingsService } from './briefings.service';

@Resolver(() => BriefingPack)
export class BriefingsResolver {
  constructor(private readonly briefings: BriefingsService) {}

  @Query(() => BriefingPack, { description: 'The briefing pack for a meeting, assembled now from live data. Downloads: see `downloads`.' })
  @Scope(row('meetings', 'meetingId'))
  briefingPack(@Args('meetingId', { type: () => ID }) meetingId: string) {
    return this.briefings.assemble(meetingId, new Date());
  }
}
