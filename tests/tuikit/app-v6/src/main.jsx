// A TUIKit React 6.x page as an app developer writes it, following Tencent's sample
// (useLoginState, ConversationList, Chat, ContactList, ContactInfo). The only Parley-specific
// parts: the bundler alias (vite.config.js) and the proxyServer login option.
// Login data comes from the query string: ?sdkappid=&userid=&usersig=&server=ws://host:port
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  UIKitProvider,
  useLoginState,
  LoginStatus,
  ConversationList,
  Chat,
  ChatHeader,
  MessageList,
  MessageInput,
  ContactList,
  ContactInfo,
} from '@tencentcloud/chat-uikit-react';

const q = new URLSearchParams(location.search);
const loginInfo = {
  SDKAppID: Number(q.get('sdkappid')),
  userID: q.get('userid') ?? '',
  userSig: q.get('usersig') ?? '',
  proxyServer: q.get('server') ?? '',
};

function App() {
  const { status, error } = useLoginState(loginInfo);
  const [tab, setTab] = useState('chats');
  if (status !== LoginStatus.SUCCESS) {
    return <div data-login-status={String(status)} data-login-error={error ? String(error.message ?? error) : ''}>Loading...</div>;
  }
  return (
    <div data-login-status="success" style={{ display: 'flex', height: '100%' }}>
      <div style={{ width: 320, display: 'flex', flexDirection: 'column', borderRight: '1px solid #ddd' }}>
        <nav style={{ display: 'flex', gap: 8, padding: 8 }}>
          <button type="button" data-tab="chats" onClick={() => setTab('chats')}>Show chats</button>
          <button type="button" data-tab="contacts" onClick={() => setTab('contacts')}>Show contacts</button>
        </nav>
        {tab === 'chats' ? <ConversationList /> : <ContactList />}
      </div>
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
        {tab === 'chats' ? (
          <Chat>
            <ChatHeader />
            <MessageList />
            <MessageInput />
          </Chat>
        ) : (
          <ContactInfo onSendMessage={() => setTab('chats')} />
        )}
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')).render(
  <UIKitProvider language="en-US" theme="light">
    <App />
  </UIKitProvider>,
);
