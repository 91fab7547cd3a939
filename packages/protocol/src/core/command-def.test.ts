/**
 * Every wire name has exactly one definition and every definition a wire name: the definition
 * groups cover the name tables (`Command`, `Push`, `MessagingCommand`, `MessagingPush`) both ways.
 */
import { describe, expect, it } from 'vitest';
import {
  Command,
  ConversationCommands,
  ConversationPushes,
  GroupCommands,
  GroupPushes,
  MessageCommands,
  MessagePushes,
  MessagingCommand,
  MessagingPush,
  Push,
  SessionCommands,
  SessionPushes,
  type AnswerOf,
  type PushBodyOf,
  type RequestOf,
  type SendMessageResponse,
  type WireMessage,
} from '../index.js';
import { defineCommand, definePush } from './command-def.js';
import { valid } from './validate.js';

const commands = [SessionCommands, MessageCommands, ConversationCommands, GroupCommands].flatMap((g) => Object.values(g));
const pushes = [SessionPushes, MessagePushes, ConversationPushes, GroupPushes].flatMap((g) => Object.values(g));

describe('command and push definitions', () => {
  it('define every command of the name tables once, and nothing else', () => {
    const names = commands.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...Object.values(Command), ...Object.values(MessagingCommand)].sort());
  });

  it('define every push of the name tables once, and nothing else', () => {
    const names = pushes.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...Object.values(Push), ...Object.values(MessagingPush)].sort());
  });

  it('parse both directions, each failure naming its registry error', () => {
    for (const def of commands) {
      expect(def.parseRequest(null), def.name).toMatchObject({ ok: false, error: expect.any(String) });
      expect(def.parseAnswer(null), def.name).toMatchObject({ ok: false, error: 'UNCAUGHT_ERROR' });
    }
    for (const def of pushes.filter((d) => d !== SessionPushes.shutdown)) {
      expect(def.parseBody(null), def.name).toMatchObject({ ok: false, error: 'UNCAUGHT_ERROR' });
    }
  });

  it('carry the request, answer and body types', () => {
    const request: RequestOf<typeof MessageCommands.send> = { conversationType: 'C2C', to: 'bob', ID: 'm1', random: 1, elements: [], cloudCustomData: '', priority: 'Normal', atUserList: [], onlineUserOnly: false, receiverList: [] };
    const answer: AnswerOf<typeof MessageCommands.send> | undefined = undefined as SendMessageResponse | undefined;
    const body: PushBodyOf<typeof MessagePushes.message> | undefined = undefined as { message: WireMessage } | undefined;
    expect([request.to, answer, body]).toEqual(['bob', undefined, undefined]);
  });

  it('keep the literal name and freeze the definition', () => {
    const def = defineCommand({ name: 'svc.echo', parseRequest: (b: unknown) => valid(b), parseAnswer: (b: unknown) => valid(b) });
    const literal: 'svc.echo' = def.name;
    expect(literal).toBe('svc.echo');
    expect(Object.isFrozen(def)).toBe(true);
    expect(Object.isFrozen(definePush({ name: 'svc.tick', parseBody: (b: unknown) => valid(b) }))).toBe(true);
  });
});
