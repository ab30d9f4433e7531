import { Role } from '@concord/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/domain-error';
import { decodeCursor, isText, Page, pageSize, toPage } from '../../common/paging';
import { UserEntity } from '../auth/user.entity';
import { MemberEntity } from '../workspaces/member.entity';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { CreatePracticeModelInput, InviteModelContactInput, UpdatePracticeModelInput } from './dto/practice-model.input';
import { ModelContactEntity, PracticeModelEntity } from './practice-model.entity';
import { ModelContact, ModelContactInvitation } from './models.types';


export interface ModelFilter {
  search?: string | null;
  ids?: string[] | null;
}

@Injectable()
export class ModelsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly workspaces: WorkspacesService) {}

  private get repo() {
    return this.db.getRepository(PracticeModelEntity);
  }

  forWorkspace(workspaceId: string): Promise<PracticeModelEntity[]> {
    return this.repo.find({ where: { workspaceId }, order: { name: 'ASC', id: 'ASC' } });
  }

  /**
   * One page of the workspace's models in forWorkspace's order (name, then id to break ties), with the
   * total under the same filter. `search` is part of the name; `ids` limits to those models.
   */
  async page(workspaceId: string, filter: ModelFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<PracticeModelEntity>> {
    const size = pageSize(first);
    const key = decodeCursor(after, isText);
    const filtered = () => {
      const q = this.repo.createQueryBuilder('m').where('m.workspace_id = :workspaceId', { workspaceId });
      if (filter.search) q.andWhere(`m.name ILIKE :search ESCAPE '\\'`, { search: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      if (filter.ids) q.andWhere(filter.ids.length ? 'm.id IN (:...ids)' : 'false', { ids: filter.ids });
      return q;
    };
    const q = filtered();
    if (key) q.andWhere('(m.name, m.id) > (:cursorName, :cursorId)', { cursorName: key[0], cursorId: key[1] });
    const [rows, total] = await Promise.all([q.orderBy('m.name', 'ASC').addOrderBy('m.id', 'ASC').limit(size + 1).getMany(), filtered().getCount()]);
    return toPage(rows, size, total, (m) => [m.name, m.id]);
  }

  findById(id: string): Promise<PracticeModelEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** The models whose case study this account was invited to fill in. */
  async contactModels(workspaceId: string, userId: string): Promise<PracticeModelEntity[]> {
    return this.repo
      .createQueryBuilder('m')
      .innerJoin(ModelContactEntity, 'c', 'c.model_id = m.id')
      .where('m.workspace_id = :workspaceId AND c.user_id = :userId', { workspaceId, userId })
      .orderBy('m.name', 'ASC')
      .getMany();
  }

  async isContact(userId: string, modelId: string): Promise<boolean> {
    return (await this.db.getRepository(ModelContactEntity).count({ where: { userId, modelId } })) > 0;
  }

  /**
   * Whether a member the policy let through may reach this model: everyone but a reviewer; a reviewer
   * only as an invited contact of that very model.
   */
  async mayReach(member: MemberEntity, model: Pick<PracticeModelEntity, 'id' | 'workspaceId'>): Promise<boolean> {
    if (model.workspaceId !== member.workspaceId) return false;
    if (member.role !== Role.REVIEWER) return true;
    return this.isContact(member.userId, model.id);
  }

  /** The model, or null when the viewer may not reach it. */
  async visible(member: MemberEntity, id: string): Promise<PracticeModelEntity | null> {
    const model = await this.findById(id);
    return model && (await this.mayReach(member, model)) ? model : null;
  }

  async create(actor: MemberEntity, input: CreatePracticeModelInput): Promise<PracticeModelEntity> {
    const { workspaceId: _w, ...fields } = input;
    void _w;
    return this.repo.save({ ...fields, contact: fields.contact || null, workspaceId: actor.workspaceId, illustrative: false });
  }

  async update(actor: MemberEntity, input: UpdatePracticeModelInput): Promise<PracticeModelEntity> {
    const model = await this.findById(input.id);
    if (!model || model.workspaceId !== actor.workspaceId) throw notFound('Model not found');
    const { id: _id, ...fields } = input;
    void _id;
    return this.repo.save({ ...model, ...fields, contact: fields.contact || null });
  }

  async contacts(modelId: string): Promise<ModelContact[]> {
    return this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(ModelContactEntity, 'c', 'c.user_id = u.id')
      .where('c.model_id = :modelId', { modelId })
      .orderBy('u.name', 'ASC')
      .select(['u.name', 'u.email'])
      .getMany()
      .then((users) => users.map((u) => ({ name: u.name, email: u.email })));
  }

  /**
   * Invites a model's contact with reviewer-style access: the link makes them a REVIEWER of the
   * workspace and a contact of this model, which is all a reviewer contact can reach. Someone already
   * in the workspace is made a contact at once.
   */
  async inviteContact(actor: MemberEntity, input: InviteModelContactInput): Promise<ModelContactInvitation> {
    const model = await this.findById(input.modelId);
    if (!model || model.workspaceId !== actor.workspaceId) throw notFound('Model not found');
    const email = input.email.trim().toLowerCase();
    const user = await this.db.getRepository(UserEntity).findOne({ where: { email } });
    const member = user ? await this.db.getRepository(MemberEntity).findOne({ where: { workspaceId: actor.workspaceId, userId: user.id } }) : null;
    if (user && member) {
      if (member.role === Role.OBSERVER) throw conflict(`${email} is an observer, who writes nothing; change their role first`, { reason: 'OBSERVER' });
      await this.db.query('INSERT INTO practice_model_contacts (model_id, user_id, workspace_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [model.id, user.id, model.workspaceId]);
      return { email, link: null };
    }
    if (!input.organisation.trim()) throw badInput('input.organisation', 'input.organisation: is required');
    const { link } = await this.workspaces.invite(
      actor,
      { workspaceId: actor.workspaceId, email, role: Role.REVIEWER, organisation: input.organisation, sector: input.sector },
      { practiceModelId: model.id },
    );
    return { email, link };
  }
}
