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
import { SESSION_COOKIE } from '@concord/shared';
import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import { formatError } from './common/graphql-errors';
import { cookieOriginAllowed, cookieValue } from './common/origin';
import { RequestLoaders } from './common/loaders';
import { LOGGER } from './common/logger';
import { HiddenLookupInterceptor, PolicyGuard } from './common/policy.guard';
import type { RequestContext } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { APP_CONFIG, AppConfig } from './config/app.config';
import { dataSourceOptions } from './database/data-source';
import { CollaborationModule } from './collaboration/collaboration.module';
import { ActivityModule } from './modules/activity/activity.module';
import { AnnotationsModule } from './modules/annotations/annotations.module';
import { AuditModule } from './modules/audit/audit.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { AuthModule } from './modules/auth/auth.module';
import { AuthService } from './modules/auth/auth.service';
import { AssessmentsModule } from './modules/assessments/assessments.module';
import { BriefingsModule } from './modules/briefings/briefings.module';
import { CaseStudiesModule } from './modules/case-studies/case-studies.module';
import { ConsensusModule } from './modules/consensus/consensus.module';
import { DecisionsModule } from './modules/decisions/decisions.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { MilestonesModule } from './modules/milestones/milestones.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { ExportsModule } from './modules/exports/exports.module';
import { GlossaryModule } from './modules/glossary/glossary.module';
import { TraceabilityModule } from './modules/traceability/traceability.module';
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

/** What graphql-ws hands the context function for a subscription. */
interface WsContext {
  extra?: { request?: IncomingMessage };
  connectionParams?: Record<string, unknown>;
}

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
    const format = formatError(logger);
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
            formatError: format,
            // Subscriptions over graphql-ws on /graphql, authenticated like HTTP: a token in the
            // connection parameters, or the session cookie from an allowed origin.
            subscriptions: {
              'graphql-ws': {
                path: '/graphql',
                // The same error mapping as HTTP: codes kept, nothing unexpected leaks.
                onError: (_ctx: unknown, _id: unknown, _payload: unknown, errors: readonly GraphQLError[]) => errors.map((e) => format(e.toJSON(), e)),
                onNext: (_ctx: unknown, _id: unknown, _payload: unknown, _args: unknown, result: { errors?: readonly GraphQLError[] }) =>
                  result.errors ? { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) } : result,
              },
            },
            context: (http: { req?: Request; res?: Response } & WsContext): RequestContext => {
              let viewer: ReturnType<RequestContext['viewer']> | undefined;
              if (http.req) {
                const req = http.req;
                return { req, res: http.res, memberships: new Map(), loaders: new RequestLoaders(), viewer: () => (viewer ??= auth.viewerFromToken(auth.tokenOf(req))) };
              }
              const request = http.extra?.request;
              const param = http.connectionParams?.token;
              const cookie = request && cookieOriginAllowed(request, config) ? cookieValue(request.headers.cookie, SESSION_COOKIE) : undefined;
              const token = typeof param === 'string' ? param : (cookie ?? null);
              // One context serves every event of a subscription: batch, but cache nothing across events.
              return { req: request as unknown as Request, memberships: new Map(), loaders: new RequestLoaders({ cache: false }), viewer: () => (viewer ??= auth.viewerFromToken(token)) };
            },
          }),
        }),
        AuditModule,
        ActivityModule,
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
        ReviewsModule,
        DecisionsModule,
        MilestonesModule,
        MeetingsModule,
        BriefingsModule,
        CaseStudiesModule,
        AssessmentsModule,
        GlossaryModule,
        TraceabilityModule,
        ExportsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: HiddenLookupInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
