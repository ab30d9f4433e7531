import './common/graphql-enums';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { formatError } from './common/graphql-errors';
import { LOGGER } from './common/logger';
import { HiddenLookupInterceptor, PolicyGuard } from './common/policy.guard';
import type { RequestContext } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { APP_CONFIG, AppConfig } from './config/app.config';
import { dataSourceOptions } from './database/data-source';
import { CollaborationModule } from './collaboration/collaboration.module';
import { AnnotationsModule } from './modules/annotations/annotations.module';
import { AuditModule } from './modules/audit/audit.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { AuthModule } from './modules/auth/auth.module';
import { AuthService } from './modules/auth/auth.service';
import { ConsensusModule } from './modules/consensus/consensus.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { HealthModule } from './modules/health/health.module';
import { ModelsModule } from './modules/models/models.module';
import { SeedModule } from './modules/seed/seed.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';

/** Query limits (graphql-armor): deep, wide or aliased queries are refused before they run. */
const armor = new ApolloArmor({
  maxDepth: { n: 10 },
  maxAliases: { n: 15 },
  costLimit: { maxCost: 5000 },
  maxTokens: { n: 2000 },
  maxDirectives: { n: 20 },
  blockFieldSuggestion: { enabled: true },
});

@Global()
@Module({})
class CoreModule {
  static with(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, LOGGER],
    };
  }
}

@Module({})
export class AppModule {
  static with(config: AppConfig, logger: Logger, options: { schemaFile?: string | false } = {}): DynamicModule {
    const protection = armor.protect();
    const databaseUrl = config.databaseUrl;
    if (!databaseUrl) throw new Error('AppModule needs a database URL (main.ts starts the embedded one first)');
    return {
      module: AppModule,
      imports: [
        CoreModule.with(config, logger),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), migrationsRun: false }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [AuthService],
          useFactory: (auth: AuthService) => ({
            // true builds the schema in memory; a path also writes it (npm run schema).
            autoSchemaFile: options.schemaFile || true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: !config.production,
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            fieldResolverEnhancers: ['guards', 'interceptors'],
            // Our CommonJS build and Nest's ES modules see two copies of Apollo's types; the objects are the same.
            plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled()] as ApolloDriverConfig['plugins'],
            validationRules: protection.validationRules,
            formatError: formatError(logger),
            context: ({ req, res }: { req: Request; res: Response }): RequestContext => {
              let viewer: ReturnType<RequestContext['viewer']> | undefined;
              return { req, res, memberships: new Map(), viewer: () => (viewer ??= auth.viewerFromToken(auth.tokenOf(req))) };
            },
          }),
        }),
        AuditModule,
        AuthModule,
        WorkspacesModule,
        ConsensusModule,
        EvidenceModule,
        DocumentsModule,
        ModelsModule,
        HealthModule,
        SeedModule,
        CollaborationModule,
        NotificationsModule,
        AnnotationsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: HiddenLookupInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
