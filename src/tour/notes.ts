/**
 * Speaker notes for every tour step, shown in the speaker view (a second
 * window): what to say over the run, the question to put to the room, and the
 * answer to steer towards. Keyed by the step's stable id (`TourStep.id`);
 * notes.test.ts checks every step has notes and no note names a missing step.
 */
export interface SpeakerNote {
  /** What to say while the step plays. */
  say: string;
  /** The question to ask the room (ends with "?"). */
  ask: string;
  /** The answer to steer towards. */
  answer: string;
}

export const SPEAKER_NOTES: Readonly<Record<string, SpeakerNote>> = {
  // Chapter 1: State in a monolith database
  "monolith/one-transaction": {
    say: "This is where most of us started: table, search index and cached view inside one database, all changed by one transaction. Point at the three lanes moving together.",
    ask: "Can the index ever show a value the table does not have?",
    answer:
      "No: one transaction changes all three or none of them, so the scoreboard stays at zero.",
  },
  "monolith/bad-network": {
    say: "Now the network drops, duplicates and reorders messages, and client-1 is cut off from 200 to 500 ms. Timed-out increments are retried, each with an idempotency key the database records in the same transaction.",
    ask: "The same increment arrives twice: does the counter go up twice?",
    answer:
      "No: the database has already recorded that key, so the second copy is recognised and nothing counts twice.",
  },
  "monolith/crash": {
    say: "Client-1 crashes in the middle of its request. Show that there is nothing to clean up afterwards.",
    ask: "What state can the database be left in?",
    answer:
      "Only two: the transaction committed everywhere or not at all, so there is no half-updated index.",
  },

  // Chapter 2: Data stores explosion
  "explosion/best-tool": {
    say: "We split the monolith into the best tool for each job: the database keeps the record, the cache serves reads, search finds things. The application now writes to each of the three itself.",
    ask: "How many places does one write have to reach now?",
    answer:
      "Three separate systems, with no transaction spanning them; on this calm network it still looks fine.",
  },
  "explosion/drops": {
    say: "One message in ten vanishes: the crosses on the timeline. The client waits, times out and sends the write again.",
    ask: "When a reply never arrives, does the client know whether the write landed?",
    answer:
      "No: the request or the reply may be the one that was lost, so it can only retry and hope.",
  },
  "explosion/delays": {
    say: "Messages now take from 5 to 120 ms. The long arrows overrun the client's timeout, so it retries writes that may already have landed.",
    ask: "Is a slow message any different from a lost one, seen from the client?",
    answer:
      "Not until it arrives: a timeout cannot tell slow from lost, which is why retries cause duplicates.",
  },
  "explosion/reorders": {
    say: "One message in five is held back by 60 ms. Look for arrows into the cache or search lane that cross each other.",
    ask: "If two writes to the same key arrive in the wrong order, which value does the store keep?",
    answer: "The one that arrived last, which is not the one that was written last.",
  },
  "explosion/duplicates": {
    say: "Some messages arrive twice. The writes here are increments, and the run stops at the first store that applied one twice.",
    ask: "Why is a duplicate harmless for 'set x = 5' but not for 'add 1 to x'?",
    answer:
      "Setting is idempotent, incrementing is not: applied twice it counts wrong, which the scoreboard shows as a duplicate.",
  },

  // Chapter 3: ACID properties
  "acid/atomicity": {
    say: "A for atomicity: a write happens completely or not at all. The client crashes mid-request, and the database keeps every part of the write or none of it.",
    ask: "What would a half-done write look like here?",
    answer:
      "The table updated but the index or view not; inside one database that cannot happen, so the A stays clean.",
  },
  "acid/isolation": {
    say: "I for isolation: two clients set x at almost the same moment. The table and its index see the two writes in the same order.",
    ask: "Can the table end with one client's value and the index with the other's?",
    answer:
      "Not in one database: concurrent transactions behave as if they ran one after the other.",
  },
  "acid/consistency": {
    say: "C for consistency, as the scoreboard counts it: every copy agrees with the system of record. The network here drops and reorders, and still nothing drifts.",
    ask: "Why can the index and view not drift from the table in this run?",
    answer:
      "They change in the same transaction as the table, so there is no second write that could get lost or reordered.",
  },
  "acid/durability": {
    say: "D for durability: once the database says yes, the write survives a crash. The database is down from 300 to 500 ms.",
    ask: "After the restart, is anything the database acknowledged missing?",
    answer: "No: what it acknowledged before the crash is still there when it comes back.",
  },
  "acid/scoreboard": {
    say: "This is the scoreboard: broken promises counted by letter as the run plays. A preview of chapter 5: the same writes over a lossy network with no transaction around the three stores.",
    ask: "Which letter do you expect to light up first?",
    answer:
      "I: the run stops at the first isolation anomaly, where the stores saw writes in different orders; chapter 5 explains why.",
  },

  // Chapter 4: Data stores integration
  "integration/one-store": {
    say: "Two writers and one database: each writer keeps one connection and the database sorts out the rest. Read the link count in the caption bar.",
    ask: "How many connections must work for a write to be complete?",
    answer: "Just one per writer: the database is the only place the write has to reach.",
  },
  "integration/add-cache": {
    say: "A cache joins, and every writer must now update it too, so every writer gains a link.",
    ask: "How did the link count change, and why?",
    answer: "It grew by one per writer: point-to-point sync means each writer talks to each store.",
  },
  "integration/add-search": {
    say: "A search index joins. The links grow with stores times writers.",
    ask: "What does each extra link add besides wiring?",
    answer: "A place where a write can go missing, be delayed or arrive out of order.",
  },
  "integration/add-writer": {
    say: "A third service starts writing too. Point to the new lane, client-3, and the link count.",
    ask: "How does point-to-point sync grow as we add stores and writers?",
    answer: "As n × m, writers times stores: every new store or writer multiplies the wiring.",
  },

  // Chapter 5: Dual writes
  "dual-writes/race": {
    say: "Kleppmann's race: client 1 sets x = A, client 2 sets x = B, each writing the database and then the index. The run stops at the isolation anomaly.",
    ask: "What do the database and the index say x is, and did anyone get an error?",
    answer:
      "The database says B, the index says A, and nobody got an error: one isolation and one consistency anomaly.",
  },
  "dual-writes/crash": {
    say: "The client writes x = A to the database, then crashes before it reaches the cache and search.",
    ask: "Who will finish the job?",
    answer:
      "Nobody: nothing remembers the unfinished writes, so the write is half done for good, an atomicity anomaly.",
  },
  "dual-writes/partition": {
    say: "Search is cut off from the clients from 50 to 500 ms while x changes from A to B. The retries run out before the partition heals.",
    ask: "Once the partition heals, does search catch up?",
    answer:
      "No: search still says x = A when the run settles, because nothing re-sends what the retries gave up on.",
  },
  "dual-writes/lost-write": {
    say: "Write-behind, a common shortcut for speed: the app says saved once the cache has x = B and flushes to the database later. The database stays unreachable past every retry, then the cache restarts.",
    ask: "The client was told x = B is saved: where is it at 520 ms?",
    answer:
      "Nowhere: the database never got it and the restarted cache lost it, so an acknowledged write is gone (durability).",
  },

  // Chapter 6: The log
  "log/offsets": {
    say: "Chapter 5's crash again, on the log: client 1 appends x = A once, then dies. Search's consumer is down until 150 ms and keeps its offset with its data.",
    ask: "With the client gone, will search ever get x = A?",
    answer:
      "Yes: the write is in the log, and search's consumer resumes at its offset, 0, so every store ends with x = A.",
  },
  "log/offsets-caveat": {
    say: "Six increments, and the cache's consumer crashes twice. This time it commits its offset only after applying.",
    ask: "Why does the restart apply some increments twice?",
    answer:
      "It crashed after applying but before committing the offset, so it replays those records: at-least-once, and increments count twice.",
  },
  "log/order": {
    say: "The racing clients from chapter 5 again, now appending to the log instead of writing the stores.",
    ask: "Do the database and the index still disagree about x?",
    answer: "No: every store applies the log in offset order, so both end with x = B.",
  },
  "log/replay": {
    say: "The cache crashes at 70 ms and comes back empty at 120 ms, while the database moves on to y = D and z = E. Its offset lived with its data, so it was lost too.",
    ask: "What will the cache hold for x once its consumer is done?",
    answer:
      "C, what the database holds: the consumer replays the log from offset 0 and rebuilds the cache, and client 2's read at the end gets x = C from it.",
  },
  "log/acks-1": {
    say: "With acks=1 the leader confirms x = A before any follower has it, and then the leader crashes.",
    ask: "A follower takes over: does it have x = A?",
    answer:
      "No: the write was acknowledged but never replicated, so it is gone, a durability anomaly.",
  },
  "log/acks-all": {
    say: "The same crash with acks=all: the leader confirms nothing until the in-sync replicas have it. Watch the three broker lanes.",
    ask: "What does the client do when the leader dies before confirming?",
    answer:
      "It retries against the new leader, which already has x = A, so the write survives and the scoreboard stays clean.",
  },

  // Chapter 7: Turning the database inside out
  "inside-out/cdc": {
    say: "Change data capture: clients write only the database, and a connector turns its commits into the log. Cache and search follow in commit order.",
    ask: "What happens if the connector crashes?",
    answer:
      "It only re-sends from its position in the log, in order, so no store misses or reorders a write.",
  },
  "inside-out/scoreboard": {
    say: "One run, four strategies: a race on x, a partition on search, one between client 2 and the database, and a write-behind answer. Read the scoreboard row by row.",
    ask: "Which ACID letters will dual writes break in this run?",
    answer:
      "All four, A, C, I and D; single-db, the log and CDC run the same writes and faults and break none.",
  },
};

/** The notes of a step, or undefined for an unknown id. */
export function notesFor(stepId: string): SpeakerNote | undefined {
  return Object.hasOwn(SPEAKER_NOTES, stepId) ? SPEAKER_NOTES[stepId] : undefined;
}
