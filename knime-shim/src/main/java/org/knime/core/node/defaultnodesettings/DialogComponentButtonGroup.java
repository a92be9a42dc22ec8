package org.knime.core.node.defaultnodesettings;

import java.util.Enumeration;

import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.ButtonGroup;
import javax.swing.ButtonModel;
import javax.swing.JRadioButton;

import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.ButtonGroupEnumInterface;

/**
 * Shim of KNIME's {@code DialogComponentButtonGroup}: radio buttons that show each element's text and store its
 * action command in the string model.
 */
public class DialogComponentButtonGroup extends DialogComponent {
    private final ButtonGroup m_buttonGroup = new ButtonGroup();

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final ButtonGroupEnumInterface[] elements) {
        super(stringModel);
        if (elements == null || elements.length < 1) {
            throw new IllegalArgumentException("Elements must not be null");
        }
        Box box = vertical ? Box.createVerticalBox() : Box.createHorizontalBox();
        if (label != null) {
            box.setBorder(BorderFactory.createTitledBorder(label));
        }
        for (ButtonGroupEnumInterface element : elements) {
            JRadioButton button = new JRadioButton(element.getText());
            button.setActionCommand(element.getActionCommand());
            button.setToolTipText(element.getToolTip());
            button.setSelected(element.isDefault());
            button.addActionListener(e -> updateModel());
            m_buttonGroup.add(button);
            box.add(button);
        }
        getComponentPanel().add(box);
        getModel().addChangeListener(e -> updateComponent());
        updateComponent();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        Enumeration<AbstractButton> buttons = m_buttonGroup.getElements();
        while (buttons.hasMoreElements()) {
            buttons.nextElement().setEnabled(enabled);
        }
    }

    @Override
    public void setToolTipText(final String text) {
        Enumeration<AbstractButton> buttons = m_buttonGroup.getElements();
        while (buttons.hasMoreElements()) {
            buttons.nextElement().setToolTipText(text);
        }
    }

    @Override
    protected void updateComponent() {
        String val = ((SettingsModelString)getModel()).getStringValue();
        Enumeration<AbstractButton> buttons = m_buttonGroup.getElements();
        while (buttons.hasMoreElements()) {
            AbstractButton button = buttons.nextElement();
            if (button.getActionCommand().equals(val)) {
                button.setSelected(true);
            }
        }
        setEnabledComponents(getModel().isEnabled());
    }

    private void updateModel() {
        ButtonModel selected = m_buttonGroup.getSelection();
        ((SettingsModelString)getModel()).setStringValue(selected == null ? null : selected.getActionCommand());
    }

    @Override
    protected void validateSettingsBeforeSave() {
        updateModel();
    }
}
