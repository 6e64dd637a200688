import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { jsonApiSchemas } from './json-api.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const complianceSchemas = buildOnce(() => {
  const { includedOf, isoTime, linkTo, resource, single, toMany, toOne, typeIs } = jsonApiSchemas();
  // Compliance (KYC) data a master user sends for a user it manages, acting for it (`Authorization: <key>;
  // user=<id>`): seeds, attachments and the user's current issue. Shapes from bitex-sdk-ruby
  // lib/bitex/resources/compliance/*.rb, their specs (which list each answer's attribute keys) and
  // spec/fixtures/compliance/; the optional `issue` relationship from bitex-guides _docs/users/seeds_and_attachments.md.
  //
  // Seeds are drafts of an issue that Bitex's compliance team reviews once the issue is completed, so every
  // attribute of a seed request is optional here; the ones listed are the ones documented.

  const seedRelationships = { issue: toOne, attachments: toMany };
  const stamps = { created_at: isoTime, updated_at: isoTime };
  const text = z.string();
  const optionalText = text.optional();
  const nullableText = text.nullable();

  /** The documented seed kinds: their attributes in answers and the attributes a request may set. */
  const SEEDS = {
    natural_docket_seeds: {
      answer: {
        first_name: text,
        last_name: text,
        nationality: text,
        gender_code: text,
        marital_status_code: text,
        job_title: nullableText,
        job_description: nullableText,
        // null until the user answers (recorded: compliance/natural_docket_seeds/create, 2019-01-22).
        politically_exposed: z.boolean().nullable(),
        politically_exposed_reason: nullableText,
        birth_date: z.iso.date(),
      },
      request: {
        first_name: optionalText,
        last_name: optionalText,
        nationality: optionalText,
        gender_code: optionalText,
        marital_status_code: optionalText,
        job_title: optionalText,
        job_description: optionalText,
        politically_exposed: z.boolean().optional(),
        politically_exposed_reason: optionalText,
        birth_date: z.iso.date().optional().describe('YYYY-MM-DD'),
      },
    },
    identification_seeds: {
      answer: {
        identification_kind_code: text,
        number: text,
        issuer: text,
        public_registry_authority: nullableText,
        public_registry_book: nullableText,
        public_registry_extra_data: nullableText,
      },
      request: {
        identification_kind_code: optionalText,
        number: z.union([z.string(), z.int()]).optional(),
        issuer: optionalText,
      },
    },
    domicile_seeds: {
      answer: {
        country: text,
        state: text,
        city: text,
        street_address: text,
        street_number: text,
        postal_code: text,
        floor: text,
        apartment: text,
      },
      request: {
        country: optionalText,
        state: optionalText,
        city: optionalText,
        street_address: optionalText,
        street_number: optionalText,
        postal_code: optionalText,
        floor: optionalText,
        apartment: optionalText,
      },
    },
    phone_seeds: {
      answer: {
        number: text,
        phone_kind_code: text,
        country: text,
        has_whatsapp: z.boolean(),
        has_telegram: z.boolean(),
        note: text,
      },
      request: {
        number: optionalText,
        phone_kind_code: optionalText,
        country: optionalText,
        has_whatsapp: z.boolean().optional(),
        has_telegram: z.boolean().optional(),
        note: optionalText,
      },
    },
    email_seeds: {
      answer: { address: text, email_kind_code: text },
      request: { address: optionalText, email_kind_code: optionalText },
    },
    note_seeds: {
      answer: { title: text, body: text },
      request: { title: optionalText, body: optionalText },
    },
    allowance_seeds: {
      answer: { kind_code: text },
      request: { kind_code: optionalText.describe('the currency of the income the attachments prove') },
    },
    argentina_invoicing_detail_seeds: {
      answer: {
        vat_status_code: text,
        tax_id: text,
        tax_id_kind_code: text,
        receipt_kind_code: text,
        full_name: text,
        country: text,
        address: text,
      },
      request: {
        vat_status_code: optionalText,
        tax_id: optionalText,
        tax_id_kind_code: optionalText,
        receipt_kind_code: optionalText,
        full_name: optionalText,
        country: optionalText,
        address: optionalText,
      },
    },
    chile_invoicing_detail_seeds: {
      answer: { vat_status_code: text, tax_id: text, giro: text, ciudad: text, comuna: text },
      request: {
        vat_status_code: optionalText,
        tax_id: optionalText,
        giro: optionalText,
        ciudad: optionalText,
        comuna: optionalText,
      },
    },
  } as const;

  type SeedKind = keyof typeof SEEDS;

  /** A seed as Bitex answers it. */
  const seed = <const K extends SeedKind>(kind: K) =>
    resource(kind, { ...SEEDS[kind].answer, ...stamps }, seedRelationships);

  /** The answer to creating a seed. */
  const seedDocument = <const K extends SeedKind>(kind: K) => single(seed(kind));

  /** `POST /<kind>`: the seed's attributes, and optionally the issue it belongs to (else the user's current one). */
  const seedBody = <const K extends SeedKind>(kind: K) =>
    z.strictObject({
      data: z.strictObject({
        type: typeIs(kind),
        attributes: z.strictObject(SEEDS[kind].request),
        relationships: z.strictObject({ issue: linkTo('issues') }).optional(),
      }),
    });

  /** A document attached to a seed (its content is not echoed back). */
  const attachment = resource(
    'attachments',
    { document_file_name: text, document_content_type: text, document_file_size: z.int(), ...stamps },
    { attached_to_seed: toOne },
  );
  const attachmentDocument = single(attachment);

  /** `POST /attachments`: a base64 data URI and what it is, attached to a seed. */
  const attachmentBody = z.strictObject({
    data: z.strictObject({
      type: typeIs('attachments'),
      attributes: z.strictObject({
        document: z
          .string()
          .regex(/^data:[\w.+-]+\/[\w.+-]+;base64,/, 'a data URI: data:<type>;base64,<content>'),
        document_file_name: z.string().min(1),
        document_content_type: z.string().min(1),
        document_file_size: z.int().min(0),
      }),
      relationships: z.strictObject({
        attached_to_seed: z.strictObject({
          data: z.strictObject({ type: z.string().min(1), id: z.string().min(1) }),
        }),
      }),
    }),
  });

  const issueRelationships = {
    person: toOne,
    natural_docket_seed: toOne,
    legal_entity_docket_seed: toOne,
    argentina_invoicing_detail_seed: toOne,
    chile_invoicing_detail_seed: toOne,
    identification_seeds: toMany,
    domicile_seeds: toMany,
    phone_seeds: toMany,
    email_seeds: toMany,
    allowance_seeds: toMany,
    note_seeds: toMany,
    observations: toMany,
  };

  /** A user's compliance issue: its state and its seeds (`created_at`, `updated_at` in Unix seconds). */
  const issue = resource(
    'issues',
    { state: text, created_at: z.int(), updated_at: z.int() },
    issueRelationships,
  );

  const seedKinds = Object.keys(SEEDS) as SeedKind[];
  const issueDocument = single(issue, includedOf(...seedKinds.map(seed), attachment));

  /** The answer to completing the current issue: its new state. */
  const completedIssueDocument = single(resource('issues', { state: text }, {}));
  return {
    seed,
    seedDocument,
    seedBody,
    attachment,
    attachmentDocument,
    attachmentBody,
    issue,
    issueDocument,
    completedIssueDocument,
  };
});
