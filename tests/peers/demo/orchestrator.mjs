// The support orchestrator: reads a customer's request, asks once for the
// order number when it is missing, delegates over A2A (the SDK's client,
// streaming) to the billing, technical-support and refund-policy agents,
// relays their progress, and ends with two artifacts: `case-notes` (streamed,
// one line per specialist answer) and `case-summary` (one JSON data part).
import { randomUUID } from 'node:crypto';
import { ClientFactory } from '@a2a-js/sdk/client';
import {
  dataPart, findOrderNumber, log, makeCard, messageText, Role, skill, STEP_MS, taskExecutor, TaskState, textPart,
} from './common.mjs';

export const ORDER_QUESTION = 'Which order is this about? Please give the order number.';

// Keyword classification; a request may match several topics.
const TOPICS = [
  { topic: 'billing', specialist: 'billing', phrase: 'billing', pattern: /\b(charg(e|es|ed|ing)|invoices?|bill(s|ed|ing)?|payments?|prices?|pricing)\b/i },
  { topic: 'technical', specialist: 'technical', phrase: 'a technical problem', pattern: /\b(errors?|crash(es|ed|ing)?|log ?in|sign ?in|passwords?|slow(ly|er)?|bugs?|buggy)\b/i },
  { topic: 'refund', specialist: 'refunds', phrase: 'a refund', pattern: /\b(refund(s|ed|ing)?|money back|return(s|ed|ing)?|cancel(s|led|ed|ling|lation)?)\b/i },
];

export function classify(text) {
  const matched = TOPICS.filter(({ pattern }) => pattern.test(text));
  return matched.length > 0 ? matched : TOPICS.filter(({ topic }) => topic === 'technical');
}

const joinAnd = (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

// Longest time a delegation may take before the orchestrator gives up on it.
const DELEGATION_TIMEOUT_MS = 30000 + 50 * STEP_MS;

export const orchestratorCard = () => makeCard({
  name: 'Support orchestrator',
  description: 'The front desk of customer support: understands a request, asks for the order number when it is missing, '
    + 'consults the billing, technical-support and refund-policy agents over A2A, and hands back case notes and a case summary.',
  defaultOutputModes: ['text/plain', 'application/json'],
  skills: [
    skill({
      id: 'triage', name: 'Triage a support request',
      description: 'Works out whether a request is about billing, a technical problem or a refund (several may apply), '
        + 'and asks for the order number once when the request has none.',
      tags: ['support', 'triage', 'customer-service'],
      examples: ['I was charged twice and want a refund', 'The app crashes when I log in'],
    }),
    skill({
      id: 'resolve-case', name: 'Resolve a support case',
      description: 'Consults the specialist agents over A2A while streaming their progress, then returns the artifacts '
        + '`case-notes` (one line per specialist answer) and `case-summary` (JSON: orderNumber, topics, specialistsConsulted, resolution, nextSteps).',
      tags: ['support', 'delegation', 'a2a', 'orchestration'],
      examples: ['Order #4711: the invoice is wrong and I want my money back', 'I bought order 10023 45 days ago; can I return it?'],
      outputModes: ['text/plain', 'application/json'],
    }),
  ],
});

// specialists: { billing, technical, refunds }, each { id, label, url }; the
// URLs may be filled in after this is called, before the first message.
export function orchestratorExecutor(specialists) {
  const factory = new ClientFactory();
  const clients = new Map(); // url -> Promise<Client>

  function clientFor(url) {
    let client = clients.get(url);
    if (!client) {
      client = factory.createFromUrl(url);
      clients.set(url, client);
      client.catch(() => clients.delete(url)); // try again next time
    }
    return client;
  }

  // Asks one specialist and relays its progress. Resolves to
  // { headline, nextStep } (from its answer's first and "Next step:" lines)
  // or { error }.
  async function delegate(task, specialist, request) {
    const Label = capitalize(specialist.label);
    const controller = new AbortController();
    const delegation = { specialist, controller, client: undefined, remoteTaskId: undefined };
    task.delegation = delegation;
    const chunks = new Map(); // artifactId -> text
    let finalState;
    let finalText = '';
    try {
      delegation.client = await clientFor(specialist.url);
      if (task.cancelled) return { error: 'canceled' };
      const message = {
        messageId: randomUUID(), role: Role.ROLE_USER, contextId: '', taskId: '',
        parts: [textPart(request)], extensions: [], referenceTaskIds: [],
        metadata: { delegatedBy: 'support-orchestrator', parentTaskId: task.taskId },
      };
      const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(DELEGATION_TIMEOUT_MS)]);
      const stream = delegation.client.sendMessageStream({ tenant: '', message, configuration: undefined, metadata: undefined }, { signal });
      for await (const item of stream) {
        if (task.cancelled) break;
        const { $case: kind, value } = item.payload ?? {};
        if (kind === 'task') {
          delegation.remoteTaskId = value.id;
          // Which remote task does the work: lets a client follow the
          // delegation to the specialist.
          const link = { delegation: { agent: specialist.id, url: specialist.url, taskId: value.id, contextId: value.contextId } };
          task.working(`${Label} took the case.`, link);
        } else if (kind === 'statusUpdate') {
          const state = value.status?.state;
          const text = messageText(value.status?.message);
          if (state === TaskState.TASK_STATE_WORKING) {
            if (text) task.working(`${Label}: ${text}`);
          } else {
            finalState = state;
            finalText = text;
          }
        } else if (kind === 'artifactUpdate') {
          const { artifactId, parts } = value.artifact;
          const text = parts.filter((part) => part.content?.$case === 'text').map((part) => part.content.value).join('');
          chunks.set(artifactId, (value.append ? chunks.get(artifactId) ?? '' : '') + text);
        } else if (kind === 'message') {
          finalState = TaskState.TASK_STATE_COMPLETED;
          chunks.set('message', messageText(value));
        }
      }
    } catch (error) {
      if (task.cancelled) return { error: 'canceled' };
      const reason = error?.name === 'TimeoutError' ? 'no answer in time' : oneLine(error?.message ?? String(error));
      log(`${specialist.label}: ${reason}`);
      return { error: reason };
    } finally {
      if (task.delegation === delegation) task.delegation = undefined;
    }
    if (task.cancelled) return { error: 'canceled' };
    if (finalState !== TaskState.TASK_STATE_COMPLETED) {
      return { error: finalText || `its task ended in state ${TaskState[finalState] ?? 'unknown'}` };
    }
    const lines = [...chunks.values()].join('').split('\n').map((line) => line.trim()).filter(Boolean);
    const nextStep = lines.find((line) => /^next step:/i.test(line));
    if (finalText) task.working(`${Label} answered: ${finalText}`);
    return {
      headline: lines[0] ?? finalText,
      nextStep: nextStep?.replace(/^next step:\s*/i, ''),
    };
  }

  async function run(task) {
    const text = messageText(task.ctx.userMessage);
    task.texts ??= [];
    task.texts.push(text);

    if (task.ctx.task) {
      // The follow-up to our question.
      task.resumed();
      if (!await task.pause()) return;
      task.orderNumber ??= findOrderNumber(text) ?? /\b(\d{3,})\b/.exec(text)?.[1];
      task.working(task.orderNumber ? `Thanks, that is order #${task.orderNumber}.` : 'Thanks; going on without an order number.');
    } else {
      task.submitted();
      if (!await task.pause()) return;
      task.working('Reading your request');
      task.orderNumber = findOrderNumber(text);
    }
    if (!await task.pause()) return;

    // Asked at most once per task: a follow-up without a number goes on.
    if (!task.orderNumber && !task.askedForOrder) {
      task.askedForOrder = true;
      task.status(TaskState.TASK_STATE_INPUT_REQUIRED, ORDER_QUESTION);
      return;
    }

    const request = task.texts.join('\n');
    const topics = classify(request);
    const order = task.orderNumber;
    task.working(`This is about ${joinAnd(topics.map(({ phrase }) => phrase))}${order ? `, order #${order}` : ' (no order number)'}.`);
    if (!await task.pause()) return;

    const notes = (line, append, lastChunk) => task.artifact({
      artifactId: 'case-notes', description: 'One line per specialist answer, then the resolution.',
      parts: [textPart(`${line}\n`)], append, lastChunk,
    });
    notes(`Case notes ${order ? `for order #${order}` : '(no order number)'}; topics: ${topics.map(({ topic }) => topic).join(', ')}.`, false, false);

    const brief = `Support case ${order ? `for order #${order}` : 'without an order number'}. The customer wrote: ${task.texts.map((t) => `"${oneLine(t)}"`).join(' and then ')}`;
    const results = [];
    for (const { specialist: key } of topics) {
      const specialist = specialists[key];
      if (!await task.pause()) return;
      task.working(`Asking the ${specialist.label}…`);
      const result = await delegate(task, specialist, brief);
      if (task.cancelled) return;
      results.push({ specialist, ...result });
      const Label = capitalize(specialist.label);
      notes(result.error
        ? `${Label}: no answer (${result.error}).`
        : `${Label}: ${oneLine(result.headline)}${result.nextStep ? ` Next step: ${result.nextStep}` : ''}`, true, false);
    }

    const answered = results.filter((result) => !result.error);
    const missing = results.filter((result) => result.error);
    const outcome = (result) => oneLine(result.headline).replace(/:$/, '; the steps are in the case notes.');
    const resolution = [
      ...answered.map(outcome),
      ...missing.map(({ specialist }) => `The ${specialist.label} could not be reached; a colleague will follow up.`),
    ].join(' ');
    const nextSteps = [
      ...answered.map((result) => result.nextStep).filter(Boolean).map(capitalize),
      ...(missing.length > 0 ? ['A colleague follows up on what the specialists could not answer.'] : []),
    ];

    if (!await task.pause()) return;
    notes(`Resolution: ${resolution}`, true, true);
    if (!await task.pause()) return;
    task.artifact({
      artifactId: 'case-summary', description: 'The case as data: order, topics, who was consulted, resolution, next steps.',
      parts: [dataPart({
        orderNumber: order ?? null,
        topics: topics.map(({ topic }) => topic),
        specialistsConsulted: results.map(({ specialist }) => specialist.id),
        resolution,
        nextSteps,
      })],
      append: false, lastChunk: true,
    });
    if (!await task.pause()) return;
    if (answered.length === 0) task.status(TaskState.TASK_STATE_FAILED, 'None of the specialists could be reached; please try again later.');
    else task.status(TaskState.TASK_STATE_COMPLETED, `Your case is resolved: ${resolution}`);
  }

  // Stops a running delegation: cancels the specialist's task over A2A, then
  // drops the stream.
  async function onCancel(task) {
    const delegation = task.delegation;
    if (!delegation) return '';
    const { specialist, client, remoteTaskId, controller } = delegation;
    let note = `The request to the ${specialist.label} was stopped.`;
    if (client && remoteTaskId) {
      try {
        await client.cancelTask({ tenant: '', id: remoteTaskId, metadata: undefined }, { signal: AbortSignal.timeout(2000) });
        note = `The ${specialist.label}'s task was canceled too.`;
      } catch (error) {
        log(`cancelling the ${specialist.label}'s task: ${oneLine(error?.message ?? String(error))}`);
      }
    }
    controller.abort();
    return note;
  }

  return taskExecutor({ run, onCancel });
}
