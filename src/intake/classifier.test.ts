import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auc, isTrained, spamProbability, structuralTokens, train } from './classifier.js';
import { corpus, HARD_CASES, SPAM_TEXTS } from './corpus.fixture.js';

describe('spam classifier (naive Bayes on the case’s own decisions)', () => {
  it('separates held-out genuine submissions from held-out spam', (t) => {
    // Spam messages are split by position (odd ones never seen in training), genuine ones by seed.
    const trainSet = [
      ...corpus(1, 60),
      ...SPAM_TEXTS.filter((_, i) => i % 2 === 0).map((text) => ({ text, spam: true })),
    ];
    const testSet = [
      ...corpus(2, 40),
      ...SPAM_TEXTS.filter((_, i) => i % 2 === 1).map((text) => ({ text, spam: true })),
      ...HARD_CASES,
    ];
    const m = train(trainSet);
    assert.ok(isTrained(m));
    const scored = testSet.map((e) => ({ p: spamProbability(m, e.text), spam: e.spam }));
    const correct = scored.filter((s) => s.p >= 0.5 === s.spam).length;
    const accuracy = correct / scored.length;
    const a = auc(scored);
    const hamFlagged = scored.filter((s) => !s.spam && s.p >= 0.5).length;
    t.diagnostic(
      `held-out: ${scored.length} texts, accuracy ${accuracy.toFixed(3)}, AUC ${a.toFixed(3)}, genuine flagged as spam ${hamFlagged}`,
    );
    assert.ok(accuracy >= 0.9, `accuracy ${accuracy}`);
    assert.ok(a >= 0.95, `AUC ${a}`);
  });

  it('learns from the decisions: the same text scores differently after a rejection pattern is taught', () => {
    const base = [...corpus(3, 20), ...SPAM_TEXTS.slice(0, 12).map((text) => ({ text, spam: true }))];
    const probe = 'Venta de repuestos para motos a domicilio en toda la ciudad, precios de mayorista';
    const before = spamProbability(train(base), probe);
    const taught = [
      ...base,
      ...[
        'Repuestos para motos al mayor',
        'Venta de repuestos y cauchos, envíos a domicilio',
        'Motos y repuestos precios de mayorista',
      ].map((text) => ({ text, spam: true })),
    ];
    const after = spamProbability(train(taught), probe);
    assert.ok(after > before, `${before} → ${after}`);
    assert.ok(after >= 0.5);
  });

  it('uses only structural features until it has enough examples of each class', () => {
    const young = train([...corpus(4, 30), { text: SPAM_TEXTS[0], spam: true }]);
    assert.equal(isTrained(young), false);
    assert.ok(
      spamProbability(young, 'Mi hermano fue detenido el lunes por la policía y no sabemos dónde está.') <
        0.7,
    );
    assert.ok(spamProbability(young, 'BUY NOW!!! www.a.xyz www.b.xyz www.c.top $500 qwrtpsd zxcvbnmq') > 0.9);
    assert.ok(structuralTokens('escribe a x@y.com o al +58 414 555 0101').includes('__email'));
  });
});
