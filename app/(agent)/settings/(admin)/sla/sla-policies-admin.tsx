'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { moveItem } from '@/lib/forms/edit-definition';
import { usePolicySelection } from '../../use-policy-selection';
import { SlaPolicyEditor } from './sla-policy-editor';
import { OrderedPolicyList } from '../ordered-policy-list';

/** SLA policies in the order they are tried (the first that matches a ticket applies), beside the selected one's editor. */
export function SlaPoliciesAdmin() {
  const t = useTranslations('slaAdmin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.slaPolicies.list.queryOptions());
  const reorder = useMutation(
    trpc.slaPolicies.reorder.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.slaPolicies.list.queryKey() }) }),
  );
  const list = policies.data ?? [];
  const { current, editing, select, editorProps } = usePolicySelection(policies.data);
  const move = (from: number, to: number) =>
    reorder.mutate({
      ids: moveItem(
        list.map((p) => p.id),
        from,
        to,
      ),
    });
  return (
    <div className="grid max-w-6xl gap-6 xl:grid-cols-[16rem_minmax(0,1fr)]">
      <OrderedPolicyList
        id="sla-policy"
        items={policies.data}
        current={editing}
        busy={reorder.isPending}
        t={(key, values) => t(key, values)}
        onSelect={select}
        onMove={move}
      />
      {editing !== undefined && <SlaPolicyEditor key={editing} policy={editing === 'new' ? null : current} {...editorProps} />}
    </div>
  );
}
