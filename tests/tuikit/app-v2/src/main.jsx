// A TUIKit React 2.x page as an app developer writes it, following Tencent's sample-chat
// (TUILogin.login, then UIKitProvider with ConversationList, Chat, Contact and ContactInfo). The only
// Parley-specific parts: the bundler alias (vite.config.js) and the proxyServer login option.
// Login data comes from the query string: ?sdkappid=&userid=&usersig=&server=ws://host:port
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TUILogin } from '@tencentcloud/tui-core';
import {
  UIKitProvider,
  ConversationList,
  Chat,
  ChatHeader,
  MessageList,
  MessageInput,
  Contact,
  ContactInfo,
} from '@tencentcloud/chat-uikit-react';
import { UIKitProvider as BaseUIKitProvider, i18next } from '@tencentcloud/uikit-base-component-react';
import { initReactI18next } from 'react-i18next';
import '@tencentcloud/chat-uikit-react/dist/cjs/index.css';

// 2.3.1 adds its texts to the i18next instance of @tencentcloud/uikit-base-component-react but reads
// them through react-i18next (its peer dependency), which needs that instance handed to it once.
initReactI18next.init(i18next);

const q = new URLSearchParams(location.search);
const loginInfo = {
  SDKAppID: Number(q.get('sdkappid')),
  userID: q.get('userid') ?? '',
  userSig: q.get('usersig') ?? '',
  proxyServer: q.get('server') ?? '',
  useUploadPlugin: false,
};

function App() {
  const [status, setStatus] = useState('loading');
  const [error, setError] = useState('');
  const [tab, setTab] = useState('chats');
  useEffect(() => {
    TUILogin.login(loginInfo).then(
      () => setStatus('success'),
      (e) => {
        setStatus('error');
        setError(String(e?.message ?? e));
      },
    );
  }, []);
  if (status !== 'success') return <div data-login-status={status} data-login-error={error}>Loading...</div>;
  return (
    <div data-login-status="success" style={{ display: 'flex', height: '100%' }}>
      {/* 2.3.1's components read useUIKit() from @tencentcloud/uikit-base-component-react (its dependency) as
          well as from the kit's own provider, so both providers wrap the page. */}
      <BaseUIKitProvider language="en-US" theme="light">
      <UIKitProvider language="en-US" theme="light">
        <div style={{ width: 320, display: 'flex', flexDirection: 'column', borderRight: '1px solid #ddd' }}>
          <nav style={{ display: 'flex', gap: 8, padding: 8 }}>
            <button type="button" data-tab="chats" onClick={() => setTab('chats')}>Show chats</button>
            <button type="button" data-tab="contacts" onClick={() => setTab('contacts')}>Show contacts</button>
          </nav>
          {tab === 'chats' ? <ConversationList /> : <Contact />}
        </div>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
          {tab === 'chats' ? (
            <Chat>
              <ChatHeader />
              <MessageList />
              <MessageInput />
            </Chat>
          ) : (
            <ContactInfo showChats={() => setTab('chats')} />
          )}
        </div>
      </UIKitProvider>
      </BaseUIKitProvider>
    </div>
  );
}

createRoot(document.getElementById('root')).render(<App />);
