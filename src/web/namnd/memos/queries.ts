// The tjänsteskrivelser's reads: a case's memos and one memo.
import * as memos from "../../../namnd/memos/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";

export type Memo = OutputOf<typeof memos.memo>;
export type MemoList = OutputOf<typeof memos.caseMemos>;

export const useCaseMemos = (caseId: string) => useApi(memos.caseMemos, { params: { id: caseId } });
export const useMemoQuery = (id: string) => useApi(memos.memo, { params: { id } });
