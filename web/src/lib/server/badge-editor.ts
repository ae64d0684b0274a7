import type { RequestEvent } from '@sveltejs/kit';
import type { BadgeIcon } from '@bravo/shared';
import { BADGE_FIELDS, badgeBonus, badgeRule } from '$lib/badges/badge-form';
import { api, ok } from './api-client';
import { attempt, localFailure, text, texts } from './forms';
import { callerOf } from './guards';
import { chosenFile, uploadImage } from './uploads';

/** The badge editor's form (new badge and edit alike), as typed, with the image chosen. */
async function readForm(event: RequestEvent) {
  const data = await event.request.formData();
  const values = texts(data, BADGE_FIELDS);
  const { rule, problems } = badgeRule(values);
  return {
    values,
    rule,
    problems,
    image: chosenFile(data, 'image'),
    removeImage: text(data, 'removeImage') !== '',
    context: { form: 'badge', values, url: event.url },
  };
}

/** Who would earn the typed rule now, without saving anything. */
export async function previewBadge(event: RequestEvent) {
  const { values, rule, problems, context } = await readForm(event);
  if (Object.keys(problems).length > 0) {
    return localFailure(context, problems);
  }
  return attempt(context, async () => {
    const preview = await ok(api(callerOf(event)).POST('/api/v1/badges/preview', { body: rule }));
    return { preview, values };
  });
}

/**
 * Creates the badge (`id` null) or saves its edits; an image chosen goes to the API's upload
 * first (checked and re-encoded there) and is worn by its id. The API awards everyone who
 * qualifies for a new or changed rule.
 */
export async function saveBadge(event: RequestEvent, id: string | null) {
  const { values, rule, problems, image, removeImage, context } = await readForm(event);
  const { bonus, ok: bonusOk } = badgeBonus(values.bonusPoints ?? '');
  if (!bonusOk) {
    problems.bonusPoints = [{ code: 'not_whole_number', params: {} }];
  }
  if (Object.keys(problems).length > 0) {
    return localFailure(context, problems);
  }
  return attempt(context, async () => {
    const client = api(callerOf(event));
    const imageId = image
      ? (await uploadImage(client, image, 'badge')).id
      : removeImage
        ? null
        : undefined;
    const body = {
      ...rule,
      name: values.name,
      icon: values.icon as BadgeIcon,
      description: values.description,
      bonusPoints: bonus ?? 0,
      ...(imageId !== undefined && { imageId }),
    };
    if (id === null) {
      await ok(client.POST('/api/v1/badges', { body }));
      return { success: 'badge_created' };
    }
    await ok(client.PATCH('/api/v1/badges/{id}', { params: { path: { id } }, body }));
    return { success: 'badge_saved' };
  });
}
