/// <reference lib="webworker" />
import type { ImportReply, ImportRequest } from './import-protocol.ts';
import { handleImportRequest } from './import-run.ts';

/** A person's file is decoded, parsed, mapped and validated here, off the main thread; the page stays responsive. */
self.onmessage = (event: MessageEvent<ImportRequest>) => {
  void handleImportRequest(event.data, (reply: ImportReply) => self.postMessage(reply));
};
