/** Entry of the Liucai H5 micro-app. */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import 'antd-mobile/es/global';
import { unstableSetRender } from 'antd-mobile/es/utils/unstable-render';
import { App } from './App';
import './styles/app.css';

// antd-mobile 5 renders Toast/Dialog with ReactDOM.render, which React 19 removed: give it createRoot
// (https://mobile.ant.design/guide/v5-for-19).
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { __liucaiRoot?: Root };
  const root = (host.__liucaiRoot ??= createRoot(host));
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete host.__liucaiRoot;
  };
});

const el = document.getElementById('root');
if (!el) throw new Error('#root missing from index.html');
createRoot(el).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
