import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { SessionDto } from '@bravo/shared';
import { addMember, okApi, signUp } from '../support/bravo-api';

/** One call to the API as a script would make it (bearer token, JSON); throws on non-2xx. */
export function api<T>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  return okApi<T>(base, method, `/api/v1/${path}`, { body, token });
}

export interface CornerBakery {
  organizationId: string;
  rosa: SessionDto;
  kai: SessionDto;
  valueId: string;
}

export const ROSA = { email: 'rosa@corner.example', password: 'rosa-password-1' };
export const KAI = { email: 'kai@corner.example', password: 'kai-password-1' };

/** An admin (Rosa Owner), one brand value and an employee (Kai Baker), all over the API. */
export async function setUpCornerBakery(base: string): Promise<CornerBakery> {
  const rosa = await signUp(base, {
    organizationName: 'Corner Bakery',
    name: 'Rosa Owner',
    ...ROSA,
    timezone: 'Europe/Berlin',
  });
  const value = await api<{ id: string }>(
    base,
    'POST',
    'values',
    {
      name: 'Warm Welcome',
      hashtag: 'WarmWelcome',
      description: 'Every guest feels at home.',
      emoji: '🤗',
      color: '#b45309',
    },
    rosa.token,
  );
  // Room for a few dozen kudos in one day.
  await api(base, 'PATCH', 'organization', { rules: { maxKudosPerDay: 100 } }, rosa.token);
  const kai = await addMember(
    base,
    rosa.token,
    { email: KAI.email, name: 'Kai Baker', role: 'employee' },
    KAI.password,
  );
  return { organizationId: rosa.member.organization.id, rosa, kai, valueId: value.id };
}

/** Turns the starter badges off: a feed test that counts kudos cards gets no badge card between them. */
export async function deactivateStarterBadges(base: string, token: string): Promise<void> {
  for (const badge of await api<{ id: string }[]>(base, 'GET', 'badges', undefined, token)) {
    await api(base, 'POST', `badges/${badge.id}/deactivate`, {}, token);
  }
}

/** A new browser context logged in through the login form, on the feed. */
export async function logIn(
  browser: Browser,
  baseURL: string,
  account: { email: string; password: string },
  options: {
    javaScript?: boolean;
    prepare?: (page: Page) => Promise<void>;
    /** Screen and input of the device, e.g. a phone's. */
    device?: Pick<BrowserContextOptions, 'hasTouch' | 'isMobile' | 'viewport'>;
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    ...options.device,
    baseURL,
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  await options.prepare?.(page);
  await page.goto('/login');
  const login = page.getByTestId('login-form');
  await login.getByLabel('Email').fill(account.email);
  await login.getByLabel('Password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page
    .getByTestId('welcome')
    .waitFor({ timeout: 15_000 })
    .catch(async (cause: unknown) => {
      const body = (await page.locator('body').textContent())?.replace(/\s+/g, ' ');
      throw new Error(`no feed after logging in: ${page.url()} shows "${body}"`, { cause });
    });
  return page;
}

/**
 * Opens the feed's give box (closed until asked for) and returns its form once the colleague
 * picker is live: a click before hydration opens the server's form through its anchor, and
 * hydration then swaps the no-JavaScript checklist for the search box.
 */
export async function openGiveForm(page: Page): Promise<Locator> {
  await page.getByTestId('give-open').click();
  const form = page.getByTestId('give-form');
  await form.waitFor();
  await form.getByTestId('recipient-checklist').waitFor({ state: 'detached' });
  return form;
}
