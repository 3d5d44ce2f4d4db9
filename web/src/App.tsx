// The page frame: skip link, header, service navigation, phase banner, <main>, footer.
import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth, type ServedCouncil, type User } from './auth';
import { ROLE_LABELS } from '../../src/domain/core/auth';

export interface NavItem {
  href: string;
  text: string;
}

const DESKTOP = '(min-width: 40.0625em)';

function useIsDesktop(): boolean {
  const [desktop, setDesktop] = useState(() => typeof window === 'undefined' || window.matchMedia(DESKTOP).matches);
  useEffect(() => {
    const mq = window.matchMedia(DESKTOP);
    const update = () => setDesktop(mq.matches);
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  return desktop;
}

function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

function ServiceNavigation({ items, user }: { items: NavItem[]; user: User | null }) {
  const { pathname } = useLocation();
  const desktop = useIsDesktop();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  const all = user
    ? [...items, { href: '/account', text: 'Your account' }, { href: '/sign-out', text: 'Sign out' }]
    : items;
  if (all.length === 0) return null;
  return (
    <section aria-label="Service information" className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <button
              type="button"
              className="govuk-service-navigation__toggle"
              aria-controls="navigation"
              aria-expanded={open}
              hidden={desktop}
              onClick={() => setOpen((o) => !o)}
            >
              Menu
            </button>
            <ul className="govuk-service-navigation__list" id="navigation" hidden={!desktop && !open}>
              {all.map((item) => {
                const active = isActive(item.href, pathname);
                return (
                  <li
                    className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}
                    key={item.href}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.href}
                      aria-current={active ? (pathname === item.href ? 'page' : 'true') : undefined}
                    >
                      {active ? (
                        <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                      ) : (
                        item.text
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

function Footer() {
  const { council } = useAuth();
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/api/docs">
                  API documentation
                </a>
              </li>
              <li className="govuk-footer__inline-list-item">
                <a
                  className="govuk-footer__link"
                  href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
                  rel="license"
                >
                  Open Government Licence v3.0
                </a>
              </li>
            </ul>
            <p className="govuk-footer__licence-description">
              Steward is open source software under the MIT licence. It is not a GOV.UK service: it uses the GOV.UK
              Frontend design system (MIT licence). Contains public sector information licensed under the Open
              Government Licence v3.0, including Care Quality Commission and Office for National Statistics data.
              {council?.synthetic && ' Demo borough figures are synthetic.'}
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

/**
 * The phase banner's sentence: names the council Steward serves, and says the figures are synthetic only for the
 * demo borough.
 */
export function PhaseBannerText({ council }: { council: ServedCouncil | null }) {
  if (!council) return <>This is a new service.</>;
  if (council.synthetic) return <>This is a new service. Figures in {council.name} are synthetic: do not quote them.</>;
  return (
    <>
      This is a new service, set up for {council.officialName} ({council.gssCode}).
    </>
  );
}

/** The app frame. `navigation` gives the service navigation items for the signed-in user. */
export function Layout({ navigation }: { navigation: (user: User | null) => NavItem[] }) {
  const { user, council } = useAuth();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the top of the new page's content (as a page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    if (!mainRef.current?.contains(document.activeElement) || document.activeElement === document.body) {
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [pathname]);

  return (
    <>
      <a
        href="#main-content"
        className="govuk-skip-link"
        data-module="govuk-skip-link"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      {/* As in GOV.UK Frontend's page template: the header, service navigation and phase banner together form
          the banner landmark, so no page content sits outside a landmark. */}
      <header className="govuk-template__header">
        <div className="govuk-generic-header" data-module="govuk-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link">
                Steward
              </Link>
            </div>
          </div>
        </div>
        <ServiceNavigation items={navigation(user)} user={user} />
        <div className="govuk-phase-banner govuk-width-container app-phase-row">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Alpha</strong>
            <span className="govuk-phase-banner__text" data-testid="phase-banner-text">
              <PhaseBannerText council={council} />
            </span>
          </p>
          {user && (
            <p className="app-signed-in" data-testid="signed-in-as">
              Signed in as {user.name} ({user.providerName ?? ROLE_LABELS[user.role]})
            </p>
          )}
        </div>
      </header>
      <div className="govuk-width-container">
        <main
          className="govuk-main-wrapper govuk-skip-link-focused-element"
          id="main-content"
          ref={mainRef}
          tabIndex={-1}
        >
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}
