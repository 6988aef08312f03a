import { useEffect, useState } from 'preact/hooks';
import { onTokenRequired, storedToken, storeToken } from './api/client.js';
import { NoticeContext } from './components/notice.js';
import { LocaleContext, initialLocale, saveLocale, translator, type Locale } from './i18n/locale.js';
import { href, useRoute, type Route } from './lib/route.js';
import { RevisionContext } from './lib/use-resource.js';
import { sayValidityIn } from './lib/validity.js';
import { ClockView } from './views/clock.js';
import { EventsView } from './views/events.js';
import { HealthView } from './views/health.js';
import { ObjectsView } from './views/objects.js';
import { RequestsView } from './views/requests.js';
import { SandboxesView } from './views/sandboxes.js';
import { TimelineView } from './views/timeline.js';

/** The console: a header with the sandbox's views, the language and the token, and the view of the URL hash. */
export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState('');
  const [askToken, setAskToken] = useState(false);
  const route = useRoute();
  const t = translator(locale);
  useEffect(() => saveLocale(locale), [locale]);
  useEffect(() => sayValidityIn(t), [locale]);
  useEffect(() => onTokenRequired(() => setAskToken(true)), []);
  useEffect(() => {
    document.title = `${t('app.title')}${'sandboxId' in route ? ` · ${route.sandboxId}` : ''}`;
  }, [locale, route]);
  const changed = () => setRevision((n) => n + 1);
  return (
    <LocaleContext.Provider value={locale}>
      <RevisionContext.Provider value={{ revision, changed }}>
        <NoticeContext.Provider value={setNotice}>
          <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
            {t('app.skip')}
          </a>
          <header class="top">
            <a class="brand" href={href()}>
              {t('app.title')}
            </a>
            <Nav route={route} t={t} />
            <span class="spacer" />
            <button type="button" onClick={() => setAskToken((v) => !v)} aria-expanded={askToken}>
              {t('token.label')}
            </button>
            <button type="button" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
              <span lang={locale === 'zh' ? 'en' : 'zh-CN'}>{t('app.language')}</span>
              <span class="visually-hidden"> · {t('app.languageLabel')}</span>
            </button>
          </header>
          {askToken && (
            <TokenForm
              t={t}
              onDone={() => {
                setAskToken(false);
                changed();
              }}
            />
          )}
          <p class="notice" role="status" aria-live="polite">
            {notice}
          </p>
          <main id="main" tabIndex={-1}>
            <View route={route} t={t} />
          </main>
        </NoticeContext.Provider>
      </RevisionContext.Provider>
    </LocaleContext.Provider>
  );
}

type T = ReturnType<typeof translator>;

/** The header's links: the sandbox's views while one is open, and the mock's health from anywhere. */
function Nav({ route, t }: { route: Route; t: T }) {
  return (
    <nav aria-label={t('nav.main')}>
      {'sandboxId' in route && <SandboxLinks route={route} t={t} />}
      <a href={href('health')} aria-current={route.view === 'health' ? 'page' : undefined}>
        {t('nav.health')}
      </a>
    </nav>
  );
}

function SandboxLinks({ route, t }: { route: Extract<Route, { sandboxId: string }>; t: T }) {
  const id = route.sandboxId;
  const items = [
    { key: 'clock', label: t('nav.clock'), target: href('s', id, 'clock'), current: route.view === 'clock' },
    { key: 'objects', label: t('nav.objects'), target: href('s', id, 'objects'), current: route.view === 'objects' || route.view === 'timeline' },
    { key: 'events', label: t('nav.events'), target: href('s', id, 'events'), current: route.view === 'events' },
    { key: 'requests', label: t('nav.requests'), target: href('s', id, 'requests'), current: route.view === 'requests' },
  ];
  return (
    <>
      <a href={href()}>{t('nav.sandboxes')}</a>
      <span class="sandbox-id" aria-hidden="true">
        {id}
      </span>
      {items.map((item) => (
        <a key={item.key} href={item.target} aria-current={item.current ? 'page' : undefined}>
          {item.label}
        </a>
      ))}
    </>
  );
}

function TokenForm({ t, onDone }: { t: T; onDone: () => void }) {
  const submit = (event: Event) => {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget as HTMLFormElement).get('token') ?? '').trim();
    storeToken(token || null);
    onDone();
  };
  return (
    <form class="card token" onSubmit={submit} aria-labelledby="token-title">
      <h2 id="token-title">{t('token.title')}</h2>
      <p class="hint">{t('token.hint')}</p>
      <label>
        {t('token.label')}
        <input name="token" type="password" autoComplete="off" value={storedToken() ?? ''} maxLength={600} />
      </label>
      <button type="submit" class="primary">
        {t('token.save')}
      </button>
    </form>
  );
}

function View({ route, t }: { route: Route; t: T }) {
  switch (route.view) {
    case 'sandboxes':
      return <SandboxesView />;
    case 'clock':
      return <ClockView sandboxId={route.sandboxId} />;
    case 'objects':
      return <ObjectsView sandboxId={route.sandboxId} platform={route.platform} />;
    case 'timeline':
      return <TimelineView sandboxId={route.sandboxId} platform={route.platform} objectType={route.objectType} objectId={route.objectId} />;
    case 'events':
      return <EventsView sandboxId={route.sandboxId} />;
    case 'requests':
      return <RequestsView sandboxId={route.sandboxId} />;
    case 'health':
      return <HealthView />;
    default:
      return <h1>{t('app.notFound')}</h1>;
  }
}
