// Registers the shared enums with the GraphQL schema under their CONTRACT names.
import { Role, Sector } from '@concord/shared';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(Role, { name: 'Role' });
registerEnumType(Sector, { name: 'Sector' });
