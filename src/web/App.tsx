import { Suspense } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { Dashboard } from "./Dashboard.tsx";
import { Layout } from "./Layout.tsx";
import { Login } from "./Login.tsx";
import { PublicArea } from "./public/PublicArea.tsx";
import { sections, visibleSections } from "./sections.tsx";
import { SessionProvider, useMe } from "./session.tsx";
import { SettingsPage } from "./settings/SettingsPage.tsx";
import { ComingSoon, ErrorMessage, ForbiddenPage, Loading, NotFoundPage } from "./ui/Page.tsx";

export function App() {
  const me = useMe();
  const { pathname } = useLocation();
  // The public area (published agendas and protocols) is read without login, so it comes before the check.
  if (pathname === "/offentligt" || pathname.startsWith("/offentligt/")) {
    return (
      <Routes>
        <Route path="/offentligt/*" element={<PublicArea />} />
      </Routes>
    );
  }
  if (me.isLoading) return <Loading what="Startar Lots" />;
  if (me.error) return <ErrorMessage error={me.error} />;
  if (!me.data) return <Login />;
  const visible = new Set(visibleSections(me.data).map((s) => s.path));
  return (
    <SessionProvider user={me.data}>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Dashboard />} />
            <Route path="/installningar" element={<SettingsPage />} />
            {sections.map((s) => {
              const Component = s.component;
              return (
                <Route
                  key={s.path}
                  path={`/${s.path}/*`}
                  element={
                    !visible.has(s.path) ? (
                      <ForbiddenPage title={s.label} what={s.label.toLowerCase()} />
                    ) : Component ? (
                      <Component />
                    ) : (
                      <ComingSoon title={s.label} text={s.summary} />
                    )
                  }
                />
              );
            })}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}
