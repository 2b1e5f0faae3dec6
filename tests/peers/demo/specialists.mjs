// The three specialist agents of the support demo: billing, technical support
// and refund policy. Each answers every message with a task:
// submitted -> working (two progress notes) -> an answer artifact in a few
// chunks -> completed. The answer's first line is a headline and its last
// line starts with "Next step:"; the orchestrator builds its case summary
// from those two lines.
import { findOrderNumber, makeCard, messageText, skill, taskExecutor, textPart, TaskState } from './common.mjs';

// ---------------------------------------------------------------- answers

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const formatDate = (date) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

// Made-up but stable invoice data: the same order always gets the same invoice.
function invoiceFor(order) {
  const n = Number(order);
  const amount = (19 + (n * 37) % 180 + 0.9).toFixed(2);
  const daysAgo = 3 + (n % 20);
  const issued = new Date(Date.now() - daysAgo * 86400000);
  return { id: `INV-${issued.getUTCFullYear()}-${order.padStart(5, '0')}`, amount: `€${amount}`, issued: formatDate(issued), card: String(1000 + (n * 7919) % 9000) };
}

function billingAnswer(text) {
  const order = findOrderNumber(text);
  if (!order) {
    return {
      progress: ['Reading the request', 'Searching invoices without an order number'],
      lines: [
        'No invoice could be looked up: the request has no order number.',
        'Next step: reply with the order number so billing can find the invoice.',
      ],
      done: 'No order number, no invoice found.',
    };
  }
  const invoice = invoiceFor(order);
  const duplicate = /\b(twice|double|duplicate|two charges|charged again)\b/i.test(text);
  if (duplicate) {
    return {
      progress: [`Looking up the invoice for order #${order}`, 'Comparing the card payments with the invoice'],
      lines: [
        `Invoice ${invoice.id} was charged twice; the duplicate charge of ${invoice.amount} is being reversed.`,
        `Invoice: ${invoice.id}, issued ${invoice.issued}, ${invoice.amount}, card ending ${invoice.card}.`,
        `Payments found: 2 × ${invoice.amount} (one duplicate).`,
        `Next step: the reversal of ${invoice.amount} shows on your statement within 3–5 business days.`,
      ],
      done: `Duplicate charge on ${invoice.id} found and reversed.`,
    };
  }
  return {
    progress: [`Looking up the invoice for order #${order}`, 'Checking the payment status'],
    lines: [
      `Invoice ${invoice.id} for ${invoice.amount} was issued on ${invoice.issued} and is paid in full.`,
      `Invoice: ${invoice.id}, paid by card ending ${invoice.card}; no open balance.`,
      'Next step: a copy of the invoice has been sent to the e-mail address on the account.',
    ],
    done: `Invoice ${invoice.id} found.`,
  };
}

function technicalAnswer(text) {
  const order = findOrderNumber(text);
  let headline;
  let steps;
  if (/\b(login|log in|sign in|password)\b/i.test(text)) {
    headline = 'Reset your password to get back into your account:';
    steps = [
      'Open the sign-in page and choose "Forgot password".',
      'Enter the e-mail address of your account; the reset link arrives within 5 minutes.',
      'Set a new password and sign in again.',
      'If sign-in still fails, clear the app cache and try once more.',
    ];
  } else if (/\b(crash|crashes|crashed|error|bug)\b/i.test(text)) {
    headline = 'Update the app and clear its cache to stop the crash:';
    steps = [
      'Update the app to the latest version.',
      'Clear the app cache (Settings → Storage → Clear cache).',
      'Restart your device.',
      'If it still crashes, note the exact error message shown.',
    ];
  } else if (/\bslow\b/i.test(text)) {
    headline = 'Speed things up with a few checks:';
    steps = [
      'Check your connection speed; it should be at least 5 Mbit/s.',
      'Close other apps and browser tabs that use the network.',
      'Sign out and in again to refresh your session.',
    ];
  } else {
    headline = 'A few general checks solve most problems:';
    steps = [
      'Make sure the app is up to date.',
      'Sign out and in again.',
      'Restart your device.',
    ];
  }
  return {
    progress: ['Reading the problem description', 'Matching it against known issues'],
    lines: [
      headline,
      ...steps.map((step, i) => `${i + 1}. ${step}`),
      ...(order ? [`Checked order #${order}: no known outage affects it.`] : []),
      'Next step: if the problem persists, reply on this case and we escalate it to an engineer.',
    ],
    done: `${steps.length} troubleshooting steps sent.`,
  };
}

const NUMBER_WORDS = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const UNIT_DAYS = { day: 1, week: 7, month: 30, year: 365 };

// The longest time span the text mentions, in days ("45 days", "two months",
// "6 weeks"); "more than 30 days" counts as 31.
function longestSpanInDays(text) {
  let longest = 0;
  const pattern = /\b(more than |over |longer than )?(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\b/gi;
  for (const match of text.matchAll(pattern)) {
    const count = /^\d+$/.test(match[2]) ? Number(match[2]) : NUMBER_WORDS[match[2].toLowerCase()];
    const days = count * UNIT_DAYS[match[3].toLowerCase()] + (match[1] ? 1 : 0);
    longest = Math.max(longest, days);
  }
  return longest;
}

const POLICY = [
  'Policy: refunds within 30 days of delivery, for items returned unused in their original packaging.',
  'Policy: the money goes back to the original payment method within 5–7 business days; subscriptions can be cancelled at any time.',
];

function refundAnswer(text) {
  const order = findOrderNumber(text);
  const which = order ? `order #${order}` : 'the order';
  const days = longestSpanInDays(text);
  if (days > 30) {
    return {
      progress: ['Reading the refund request', 'Checking the 30-day refund window'],
      lines: [
        `Refund not possible: ${which} is outside the 30-day refund window (${days} days).`,
        ...POLICY,
        'Next step: we can offer a repair or store credit instead; reply on this case to choose.',
      ],
      done: 'Outside the 30-day window: no refund.',
    };
  }
  return {
    progress: ['Reading the refund request', 'Checking the 30-day refund window'],
    lines: [
      `Refund possible: ${which} is within the 30-day refund window.`,
      ...POLICY,
      'Next step: return the item unused in its original packaging; the refund follows within 5–7 business days.',
    ],
    done: 'Within the 30-day window: refund approved.',
  };
}

// ---------------------------------------------------------------- the agents

// Splits the answer's lines into about three chunks, each ending in a newline.
function chunksOf(lines) {
  const size = Math.ceil(lines.length / 3);
  const chunks = [];
  for (let i = 0; i < lines.length; i += size) chunks.push(lines.slice(i, i + size).map((line) => `${line}\n`).join(''));
  return chunks;
}

function specialistExecutor({ answer, artifactId, artifactDescription }) {
  return taskExecutor({
    async run(task) {
      const { progress, lines, done } = answer(messageText(task.ctx.userMessage));
      if (task.ctx.task) task.resumed(); else task.submitted();
      for (const note of progress) {
        if (!await task.pause()) return;
        task.working(note);
      }
      const chunks = chunksOf(lines);
      for (let i = 0; i < chunks.length; ++i) {
        if (!await task.pause()) return;
        task.artifact({ artifactId, description: artifactDescription, parts: [textPart(chunks[i])], append: i > 0, lastChunk: i === chunks.length - 1 });
      }
      if (!await task.pause()) return;
      task.status(TaskState.TASK_STATE_COMPLETED, done);
    },
  });
}

export const specialists = {
  billing: {
    id: 'billing',
    name: 'Billing',
    label: 'billing agent',
    topic: 'billing',
    card: () => makeCard({
      name: 'Billing',
      description: 'Looks up invoices and payments for an order, explains charges and reverses duplicate charges.',
      skills: [
        skill({
          id: 'invoice-lookup', name: 'Invoice lookup',
          description: 'Finds the invoice for an order number, with its amount, issue date and payment status.',
          tags: ['billing', 'invoice', 'payments'],
          examples: ['Where is the invoice for order #4711?', 'What did I pay for order 10023?'],
        }),
        skill({
          id: 'charge-investigation', name: 'Charge investigation',
          description: 'Checks the card payments of an order for duplicate or unexpected charges and starts a reversal.',
          tags: ['billing', 'charges', 'disputes'],
          examples: ['I was charged twice for order #4711', 'There is a charge I do not recognise on order 5150'],
        }),
      ],
    }),
    executor: () => specialistExecutor({ answer: billingAnswer, artifactId: 'billing-findings', artifactDescription: 'What billing found for the order.' }),
  },

  technical: {
    id: 'technical-support',
    name: 'Technical support',
    label: 'technical support agent',
    topic: 'technical',
    card: () => makeCard({
      name: 'Technical support',
      description: 'Troubleshoots errors, crashes, sign-in problems and slowness, and answers with numbered steps.',
      skills: [
        skill({
          id: 'troubleshooting', name: 'Troubleshooting',
          description: 'Turns a description of an error, a crash or slowness into numbered steps that fix it.',
          tags: ['technical', 'troubleshooting', 'errors'],
          examples: ['The app crashes when I open my orders', 'Checkout is very slow since yesterday'],
        }),
        skill({
          id: 'account-access', name: 'Account access',
          description: 'Helps customers who cannot sign in or forgot their password.',
          tags: ['technical', 'login', 'password'],
          examples: ['I cannot log in anymore', 'My password reset link does not work'],
        }),
      ],
    }),
    executor: () => specialistExecutor({ answer: technicalAnswer, artifactId: 'troubleshooting-steps', artifactDescription: 'Numbered steps that solve the problem.' }),
  },

  refunds: {
    id: 'refund-policy',
    name: 'Refund policy',
    label: 'refund policy agent',
    topic: 'refund',
    card: () => makeCard({
      name: 'Refund policy',
      description: 'Knows the refund and return policy (30 days, unused, original packaging) and decides whether an order can be refunded.',
      skills: [
        skill({
          id: 'refund-eligibility', name: 'Refund eligibility',
          description: 'Applies the 30-day refund policy to an order and says whether a refund is possible.',
          tags: ['refund', 'returns', 'policy'],
          examples: ['Can I get my money back for order #4711?', 'I bought it 45 days ago, can I return it?'],
        }),
        skill({
          id: 'refund-policy', name: 'Refund policy',
          description: 'Explains the refund and return conditions and how long a refund takes.',
          tags: ['refund', 'policy', 'cancellation'],
          examples: ['What is your refund policy?', 'How do I cancel my subscription?'],
        }),
      ],
    }),
    executor: () => specialistExecutor({ answer: refundAnswer, artifactId: 'refund-decision', artifactDescription: 'The refund decision and the policy it rests on.' }),
  },
};
