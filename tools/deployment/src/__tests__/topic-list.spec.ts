import { parseTopicList } from '../topic-list';

describe('parseTopicList', () => {
  it('reads name:partitions entries separated by spaces and newlines', () => {
    expect(parseTopicList(' CartUpdated:6 CartUpdated.dlq:1\ncart.submit-cart.reply:3\n')).toEqual([
      { name: 'CartUpdated', partitions: 6 },
      { name: 'CartUpdated.dlq', partitions: 1 },
      { name: 'cart.submit-cart.reply', partitions: 3 },
    ]);
  });

  it('rejects an entry without a partition count', () => {
    expect(() => parseTopicList('CartUpdated')).toThrow('not name:partitions');
  });

  it('rejects zero partitions', () => {
    expect(() => parseTopicList('CartUpdated:0')).toThrow('at least one partition');
  });
});
