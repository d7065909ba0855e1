'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/app/_components/trpc';
import { moveItem } from '@/lib/forms/edit-definition';
import { usePolicySelection } from '../../use-policy-selection';
import { OrderedPolicyList } from '../ordered-policy-list';
import { SurveyPolicyEditor } from './survey-policy-editor';

/** Survey policies in the order they are tried when a ticket is solved, beside the selected one's editor. */
export function SurveyPoliciesAdmin() {
  const t = useTranslations('surveyAdmin');
  const tt = useTranslations('surveys');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.surveyPolicies.list.queryOptions());
  const reorder = useMutation(
    trpc.surveyPolicies.reorder.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.surveyPolicies.list.queryKey() }) }),
  );
  const list = policies.data ?? [];
  const { current, editing, select, editorProps } = usePolicySelection(policies.data);
  return (
    <div className="grid max-w-6xl gap-6 xl:grid-cols-[16rem_minmax(0,1fr)]">
      <OrderedPolicyList
        id="survey-policy"
        items={policies.data?.map((p) => ({ id: p.id, name: p.name, enabled: p.enabled, detail: tt(`typeLong.${p.question.type}`) }))}
        current={editing}
        busy={reorder.isPending}
        t={(key, values) => t(key, values)}
        onSelect={select}
        onMove={(from, to) =>
          reorder.mutate({
            ids: moveItem(
              list.map((p) => p.id),
              from,
              to,
            ),
          })
        }
      />
      {editing !== undefined && <SurveyPolicyEditor key={editing} policy={editing === 'new' ? null : current} {...editorProps} />}
    </div>
  );
}
