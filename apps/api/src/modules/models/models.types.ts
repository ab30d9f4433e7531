import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ModelContact', { description: 'Someone invited to fill in a model’s case study.' })
export class ModelContact {
  @Field() name!: string;
  @Field() email!: string;
}

@ObjectType('ModelContactInvitation')
export class ModelContactInvitation {
  @Field() email!: string;
  @Field(() => String, { nullable: true, description: 'The invitation link, shown once; null when they already had access and were added directly.' }) link!: string | null;
}
